/// Hyperparameters that can change while a run trains.
public struct Hyperparameters: Sendable, Equatable {
    /// Step size of each weight update.
    public var learningRate: Float
    /// Fraction of the previous update carried into the next (0 = plain SGD).
    public var momentum: Float
    /// Samples per mini-batch.
    public var batchSize: Int
    /// The update rule: `sgd`, `adam`, `adamw` or `rmsprop`.
    public var optimizer: String

    /// Creates a set of hyperparameters.
    public init(
        learningRate: Float, momentum: Float, batchSize: Int,
        optimizer: String = "sgd"
    ) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.optimizer = optimizer
    }
}

/// One point of a metric curve: its value after `step` batches.
public struct SeriesPoint: Sendable, Equatable, Codable {
    /// Batches trained when the value was taken.
    public var step: Int
    /// The metric's value.
    public var value: Float

    /// Creates a point.
    public init(step: Int, value: Float) {
        self.step = step
        self.value = value
    }
}

/// Whether the session is training.
public enum RunState: Sendable, Equatable {
    /// Training batches.
    case running
    /// Waiting for a command; nothing is updated.
    case paused
    /// Stopped after the loss became NaN or infinite; waits for commands.
    case diverged
    /// All epochs done (or quit); the session will take no more commands.
    case finished
}

/// A copy of one dense layer's weights, for display.
public struct LayerView: Sendable, Equatable {
    /// A label such as `dense 1  784→128 relu`.
    public var name: String
    /// Input features (rows of the weight matrix).
    public var inputs: Int
    /// Output units (columns of the weight matrix).
    public var outputs: Int
    /// Weights, row-major, `inputs × outputs`.
    public var weights: [Float]
    /// L2 norm of the last gradient of the weights.
    public var gradientNorm: Float
    /// L2 norm of the last update applied to the weights.
    public var updateNorm: Float

    /// Creates a layer view.
    public init(
        name: String, inputs: Int, outputs: Int, weights: [Float],
        gradientNorm: Float, updateNorm: Float
    ) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.gradientNorm = gradientNorm
        self.updateNorm = updateNorm
    }
}

/// An immutable picture of a training run, published by the session.
public struct Snapshot: Sendable, Equatable {
    /// The data set's name, such as `mnist`.
    public var datasetName: String
    /// The network, such as `784-128-10 relu`.
    public var modelDescription: String
    /// Whether the run trains, waits or has ended.
    public var state: RunState
    /// Current epoch, 1-based.
    public var epoch: Int
    /// Epochs the run will train.
    public var totalEpochs: Int
    /// Batches trained so far.
    public var step: Int
    /// Batches per epoch.
    public var stepsPerEpoch: Int
    /// Current hyperparameters.
    public var hyperparameters: Hyperparameters
    /// Training loss per batch (older points averaged in pairs as the
    /// buffer fills).
    public var trainingLoss: [SeriesPoint]
    /// Validation loss at the end of each epoch.
    public var validationLoss: [SeriesPoint]
    /// Validation accuracy (0...1) at the end of each epoch.
    public var validationAccuracy: [SeriesPoint]
    /// Training throughput over the last second or so.
    public var samplesPerSecond: Double
    /// Seconds spent training, pauses excluded.
    public var elapsedSeconds: Double
    /// The dense layers' weights.
    public var layers: [LayerView]
    /// Every change applied so far, oldest first.
    public var events: [TrainingEvent]
    /// One summary per finished epoch.
    public var epochSummaries: [EpochSummary]
    /// Accuracy (0...1) on the test set, once the run has finished.
    public var testAccuracy: Float?
    /// Loss on the test set, once the run has finished.
    public var testLoss: Float?
    /// Root mean squared error on the test set, for regression.
    public var testRMSE: Float?
    /// R² on the test set, for regression.
    public var testR2: Float?
    /// A line for the user, such as why the run paused itself.
    public var message: String?

    /// Creates a snapshot.
    public init(
        datasetName: String, modelDescription: String, state: RunState,
        epoch: Int, totalEpochs: Int, step: Int, stepsPerEpoch: Int,
        hyperparameters: Hyperparameters,
        trainingLoss: [SeriesPoint] = [], validationLoss: [SeriesPoint] = [],
        validationAccuracy: [SeriesPoint] = [], samplesPerSecond: Double = 0,
        elapsedSeconds: Double = 0, layers: [LayerView] = [],
        events: [TrainingEvent] = [], epochSummaries: [EpochSummary] = [],
        testAccuracy: Float? = nil,
        testLoss: Float? = nil, message: String? = nil
    ) {
        self.datasetName = datasetName
        self.modelDescription = modelDescription
        self.state = state
        self.epoch = epoch
        self.totalEpochs = totalEpochs
        self.step = step
        self.stepsPerEpoch = stepsPerEpoch
        self.hyperparameters = hyperparameters
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.samplesPerSecond = samplesPerSecond
        self.elapsedSeconds = elapsedSeconds
        self.layers = layers
        self.events = events
        self.epochSummaries = epochSummaries
        self.testAccuracy = testAccuracy
        self.testLoss = testLoss
        self.message = message
    }

    /// Seconds left at the current pace, or nil before there is a pace.
    public var etaSeconds: Double? {
        guard samplesPerSecond > 0, step > 0 else { return nil }
        let remaining = max(0, totalEpochs * stepsPerEpoch - step)
        let samples = Double(remaining * hyperparameters.batchSize)
        return samples / samplesPerSecond
    }
}
