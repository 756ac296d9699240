import Datasets
import Training

/// Everything a run needs once the command line and the data are read.
struct RunSetup {
    var configuration: TrainingConfiguration
    var data: DataSplits
    var startPaused: Bool
    var checkpoints: CheckpointPlan?
    var resume: TrainingCheckpoint?
    var log: MetricsLog?
    /// The one-line command that reproduces the run.
    var command: String

    /// A session for this run.
    func session(
        notify: @escaping @Sendable (SessionNotice) -> Void = { _ in }
    ) -> TrainingSession {
        TrainingSession(
            configuration: configuration, data: data,
            startPaused: startPaused, checkpoints: checkpoints,
            resume: resume, log: log, notify: notify)
    }
}
