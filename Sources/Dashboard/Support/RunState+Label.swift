import Training

extension RunState {
    /// The state as shown on screen: `RUNNING`, `PAUSED`, `DIVERGED`,
    /// `FINISHED`.
    var label: String {
        switch self {
        case .running: "RUNNING"
        case .paused: "PAUSED"
        case .diverged: "DIVERGED"
        case .finished: "FINISHED"
        }
    }
}
