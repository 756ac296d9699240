/// A request to a running ``TrainingSession``, applied at the next batch
/// boundary on the training queue.
public enum Command: Sendable, Equatable {
    /// Stops updating after the current batch until resumed.
    case pause
    /// Continues after a pause.
    case resume
    /// Trains exactly one batch, then stays paused.
    case step
    /// Multiplies the learning rate by a factor (`2` doubles it).
    case scaleLearningRate(Float)
    /// Sets the learning rate to a value.
    case setLearningRate(Float)
    /// Ends the run; the session publishes a final snapshot and stops.
    case quit
}
