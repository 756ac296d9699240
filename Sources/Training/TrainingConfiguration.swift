import NeuralNet

/// Everything that decides a run: the network, the optimiser and the loop.
public struct TrainingConfiguration: Sendable, Equatable {
    /// Hidden layers, input side first; the output layer follows the data.
    public var hiddenLayers: [LayerSpec]
    /// Weight initialisation; nil picks He for ReLU layers, Xavier otherwise.
    public var initialization: Initialization?
    /// The update rule and its settings, PyTorch's defaults where unset.
    public var optimizer: OptimizerConfiguration
    /// Samples per mini-batch.
    public var batchSize: Int
    /// Passes over the training set.
    public var epochs: Int
    /// Seeds weight initialisation and shuffling.
    public var seed: UInt64
    /// Label smoothing for softmax cross-entropy (0 = none), as PyTorch's
    /// `CrossEntropyLoss(label_smoothing:)`.
    public var labelSmoothing: Float = 0
    /// How the learning rate moves over the run.
    public var schedule: LearningRateSchedule
    /// Epochs without a better validation loss before the run stops and
    /// the best epoch's weights come back; nil trains every epoch.
    public var earlyStoppingPatience: Int?

    /// Creates a configuration; the defaults train MNIST to about 97.5 %.
    public init(
        hiddenLayers: [LayerSpec] = [LayerSpec(units: 128, activation: .relu)],
        initialization: Initialization? = nil,
        learningRate: Float = 0.1,
        momentum: Float = 0,
        optimizer: OptimizerKind = .sgd,
        batchSize: Int = 64,
        epochs: Int = 10,
        seed: UInt64 = 1,
        schedule: LearningRateSchedule = .constant,
        earlyStoppingPatience: Int? = nil
    ) {
        self.hiddenLayers = hiddenLayers
        self.initialization = initialization
        self.optimizer = OptimizerConfiguration(
            kind: optimizer, learningRate: learningRate)
        self.optimizer.momentum = momentum
        self.batchSize = batchSize
        self.epochs = epochs
        self.seed = seed
        self.schedule = schedule
        self.earlyStoppingPatience = earlyStoppingPatience
    }

    /// Starting learning rate.
    public var learningRate: Float {
        get { optimizer.learningRate }
        set { optimizer.learningRate = newValue }
    }

    /// SGD or RMSProp momentum (0 = none).
    public var momentum: Float {
        get { optimizer.momentum }
        set { optimizer.momentum = newValue }
    }

    /// The learning rate over a run of `stepsPerEpoch` batches per epoch;
    /// throws when the schedule cannot fit the run (a warmup as long as it).
    public func learningRates(
        stepsPerEpoch: Int
    ) throws(ScheduleError) -> ScheduledLearningRate {
        try ScheduledLearningRate(
            base: learningRate, schedule: schedule,
            stepsPerEpoch: stepsPerEpoch, totalEpochs: epochs)
    }

    /// The network as text, such as `784-128-10 relu` or
    /// `784-256-64-10 relu,tanh dropout`.
    public func modelDescription(inputs: Int, outputs: Int) -> String {
        let sizes = [inputs] + hiddenLayers.compactMap(\.units) + [outputs]
        var text = sizes.map { String($0) }.joined(separator: "-")
        let activations = hiddenLayers.compactMap { $0.activation?.rawValue }
        if Set(activations).count == 1 {
            text += " " + activations[0]
        } else if !activations.isEmpty {
            text += " " + activations.joined(separator: ",")
        }
        if hiddenLayers.contains(where: { $0.dropoutRate != nil }) {
            text += " dropout"
        }
        return text
    }
}
