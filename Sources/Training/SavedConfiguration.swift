import NeuralNet

/// A ``TrainingConfiguration`` in a form a checkpoint stores as JSON:
/// layers as their command-line text, numbers as written.
struct SavedConfiguration: Codable, Equatable, Sendable {
    var layers: String
    var initialization: String?
    var optimizer: String
    var learningRate: Float
    var momentum: Float
    var nesterov: Bool
    var beta1: Float
    var beta2: Float
    var epsilon: Float
    var alpha: Float
    var centered: Bool
    var weightDecay: Float?
    var l1: Float
    var clipNorm: Float?
    var batchSize: Int
    var epochs: Int
    // A string: JSON numbers past 2^53 do not survive every reader.
    var seed: String
    var schedule: LearningRateSchedule
    var earlyStoppingPatience: Int?
    var labelSmoothing: Float

    init(_ configuration: TrainingConfiguration) {
        let settings = configuration.optimizer
        layers = configuration.hiddenLayers.isEmpty
            ? "none" : configuration.hiddenLayers.map(\.text)
                .joined(separator: ",")
        initialization = configuration.initialization?.rawValue
        optimizer = settings.kind.rawValue
        learningRate = settings.learningRate
        momentum = settings.momentum
        nesterov = settings.nesterov
        beta1 = settings.beta1
        beta2 = settings.beta2
        epsilon = settings.epsilon
        alpha = settings.alpha
        centered = settings.centered
        weightDecay = settings.weightDecay
        l1 = settings.l1
        clipNorm = settings.clipNorm
        batchSize = configuration.batchSize
        epochs = configuration.epochs
        seed = String(configuration.seed)
        schedule = configuration.schedule
        earlyStoppingPatience = configuration.earlyStoppingPatience
        labelSmoothing = configuration.labelSmoothing
    }

    /// The configuration back, or a reason it cannot be read.
    func configuration() -> Result<TrainingConfiguration, SavedStateError> {
        guard let kind = OptimizerKind(rawValue: optimizer) else {
            return .failure(SavedStateError("unknown optimizer \"\(optimizer)\""))
        }
        guard let seed = UInt64(seed) else {
            return .failure(SavedStateError("seed \"\(seed)\" is not a whole number"))
        }
        let hidden: [LayerSpec]
        do {
            hidden = try LayerSpec.parseList(layers, defaultActivation: .relu)
        } catch {
            return .failure(SavedStateError("layers \"\(layers)\": \(error)"))
        }
        var initializer: Initialization?
        if let initialization {
            guard let known = Initialization(rawValue: initialization) else {
                return .failure(SavedStateError("unknown initialization \"\(initialization)\""))
            }
            initializer = known
        }
        var configuration = TrainingConfiguration(
            hiddenLayers: hidden, initialization: initializer,
            learningRate: learningRate, momentum: momentum, optimizer: kind,
            batchSize: batchSize, epochs: epochs, seed: seed,
            schedule: schedule, earlyStoppingPatience: earlyStoppingPatience)
        configuration.optimizer.nesterov = nesterov
        configuration.optimizer.beta1 = beta1
        configuration.optimizer.beta2 = beta2
        configuration.optimizer.epsilon = epsilon
        configuration.optimizer.alpha = alpha
        configuration.optimizer.centered = centered
        configuration.optimizer.weightDecay = weightDecay
        configuration.optimizer.l1 = l1
        configuration.optimizer.clipNorm = clipNorm
        configuration.labelSmoothing = labelSmoothing
        return .success(configuration)
    }
}

/// Why a checkpoint's saved state cannot be used.
struct SavedStateError: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
