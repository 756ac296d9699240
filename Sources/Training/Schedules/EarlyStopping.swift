/// Decides when validation loss has stopped improving (`--early-stop`).
///
/// An epoch improves when its validation loss is below the best so far by
/// more than ``minimumDelta``; a NaN or infinite loss never improves. The
/// run should stop once ``patience`` epochs in a row have not improved.
/// Restoring the best weights is the trainer's job: it keeps the weights of
/// ``bestEpoch``.
public struct EarlyStopping: Sendable, Equatable, Codable {
    /// Epochs without improvement after which to stop, at least 1.
    public let patience: Int
    /// How far below the best a loss must be to count (PyTorch-style
    /// `min_delta`, absolute).
    public let minimumDelta: Float
    /// The lowest validation loss so far, nil before a finite one.
    public private(set) var bestLoss: Float?
    /// The epoch number (as recorded) of ``bestLoss``.
    public private(set) var bestEpoch: Int?
    /// Epochs in a row without improvement, up to now.
    public private(set) var epochsWithoutImprovement = 0

    /// Creates a tracker that has seen no epoch.
    public init(patience: Int, minimumDelta: Float = 0) {
        precondition(patience >= 1, "patience is at least one epoch")
        self.patience = patience
        self.minimumDelta = minimumDelta
    }

    /// Reads an `--early-stop` value: the patience in epochs.
    public init(parsing text: String) throws(ScheduleError) {
        guard let patience = Int(text), patience >= 1 else {
            throw .badPatience(text: text)
        }
        self.init(patience: patience)
    }

    /// Whether this validation loss would beat the best so far.
    public func isImprovement(_ validationLoss: Float) -> Bool {
        guard validationLoss.isFinite else { return false }
        guard let bestLoss else { return true }
        return validationLoss < bestLoss - minimumDelta
    }

    /// Whether the run should stop now.
    public var shouldStop: Bool { epochsWithoutImprovement >= patience }

    /// Records one epoch's validation loss; returns whether it improved.
    @discardableResult
    public mutating func record(validationLoss: Float, epoch: Int) -> Bool {
        guard isImprovement(validationLoss) else {
            epochsWithoutImprovement += 1
            return false
        }
        bestLoss = validationLoss
        bestEpoch = epoch
        epochsWithoutImprovement = 0
        return true
    }
}
