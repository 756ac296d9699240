/// The numbers of one finished epoch.
public struct EpochSummary: Sendable, Equatable, Codable {
    /// The epoch, 1-based.
    public var epoch: Int
    /// Mean training loss over the epoch's batches.
    public var trainingLoss: Float
    /// Loss on the validation split after the epoch.
    public var validationLoss: Float
    /// Accuracy (0...1) on the validation split after the epoch.
    public var validationAccuracy: Float
    /// Training samples per second over the epoch, pauses excluded.
    public var samplesPerSecond: Double
    /// Learning rate at the end of the epoch.
    public var learningRate: Float
    /// Root mean squared error on the validation split, for regression.
    public var validationRMSE: Float?
    /// R² on the validation split, for regression.
    public var validationR2: Float?

    /// Creates a summary.
    public init(
        epoch: Int, trainingLoss: Float, validationLoss: Float,
        validationAccuracy: Float, samplesPerSecond: Double,
        learningRate: Float, validationRMSE: Float? = nil,
        validationR2: Float? = nil
    ) {
        self.epoch = epoch
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.samplesPerSecond = samplesPerSecond
        self.learningRate = learningRate
        self.validationRMSE = validationRMSE
        self.validationR2 = validationR2
    }
}
