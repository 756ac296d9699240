import NeuralNet

/// Everything that decides a run: the network, the optimiser and the loop.
public struct TrainingConfiguration: Sendable, Equatable {
    /// Hidden layers, input side first; the output layer follows the data.
    public var hiddenLayers: [LayerSpec]
    /// Weight initialisation; nil picks He for ReLU layers, Xavier otherwise.
    public var initialization: Initialization?
    /// Starting learning rate.
    public var learningRate: Float
    /// SGD momentum (0 = plain SGD).
    public var momentum: Float
    /// Samples per mini-batch.
    public var batchSize: Int
    /// Passes over the training set.
    public var epochs: Int
    /// Seeds weight initialisation and shuffling.
    public var seed: UInt64
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
        batchSize: Int = 64,
        epochs: Int = 10,
        seed: UInt64 = 1,
        schedule: LearningRateSchedule = .constant,
        earlyStoppingPatience: Int? = nil
    ) {
        self.hiddenLayers = hiddenLayers
        self.initialization = initialization
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.epochs = epochs
        self.seed = seed
        self.schedule = schedule
        self.earlyStoppingPatience = earlyStoppingPatience
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

    /// The network as text, such as `784-128-10 relu`.
    public func modelDescription(inputs: Int, outputs: Int) -> String {
        let sizes = [inputs] + hiddenLayers.map(\.units) + [outputs]
        let shape = sizes.map(String.init).joined(separator: "-")
        let activations = Set(hiddenLayers.map(\.activation.rawValue))
        guard !activations.isEmpty else { return shape }
        if activations.count == 1 { return "\(shape) \(activations.first!)" }
        let each = hiddenLayers.map(\.activation.rawValue)
        return "\(shape) \(each.joined(separator: ","))"
    }
}
