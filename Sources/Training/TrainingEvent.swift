/// A change applied by the session, recorded where it took effect.
public struct TrainingEvent: Sendable, Equatable, Codable {
    /// What changed.
    public enum Kind: Sendable, Equatable, Codable {
        /// The learning rate moved from `old` to `new`.
        case learningRate(old: Float, new: Float)
        /// Updates stopped.
        case paused
        /// Updates went on after a pause.
        case resumed
        /// One batch was trained while paused.
        case singleStep
        /// The loss stopped being a finite number; updates stopped.
        case diverged(loss: Float)
        /// The run was ended before its last epoch.
        case stopped
        /// The validation loss stopped improving; the weights of
        /// `bestEpoch` were put back and the run ended.
        case earlyStopped(bestEpoch: Int)
    }

    /// Batches trained before the change took effect.
    public var step: Int
    /// The epoch (1-based) the change took effect in.
    public var epoch: Int
    /// What changed.
    public var kind: Kind

    /// Creates an event.
    public init(step: Int, epoch: Int, kind: Kind) {
        self.step = step
        self.epoch = epoch
        self.kind = kind
    }
}
