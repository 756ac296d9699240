import Training

/// Everything the dashboard shows or remembers between frames.
public struct DashboardState: Sendable, Equatable {
    /// The latest snapshot from the session; nil until the first arrives.
    public var snapshot: Snapshot?
    /// The layer shown in the heatmap, 0-based; kept within the snapshot's
    /// layers.
    public var selectedLayer: Int
    /// The factor `+` multiplies the learning rate by and `-` divides it
    /// by; finite and above zero.
    public var learningRateFactor: Float
    /// True while the key help is shown over the screen.
    public var showHelp: Bool
    /// True once the user asked to quit; later keys are ignored.
    public var quitRequested: Bool

    /// Creates the state before any snapshot.
    public init(learningRateFactor: Float = 2) {
        precondition(
            learningRateFactor.isFinite && learningRateFactor > 0,
            "learningRateFactor must be finite and above zero, got "
                + "\(learningRateFactor); pass a factor such as 2")
        snapshot = nil
        selectedLayer = 0
        self.learningRateFactor = learningRateFactor
        showHelp = false
        quitRequested = false
    }
}
