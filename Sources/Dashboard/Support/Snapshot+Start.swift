import Training

extension Snapshot {
    /// True for a run opened paused that has not trained a batch yet: the
    /// screen offers to start it rather than to resume it.
    var isWaitingToStart: Bool {
        state == .paused && step == 0
    }
}
