import Terminal
import Training

/// Something that happened and may change the dashboard.
public enum DashboardMessage: Sendable, Equatable {
    /// The user pressed a key.
    case key(Key)
    /// The session published a snapshot.
    case snapshot(Snapshot)
}
