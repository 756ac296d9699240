import Datasets
import Foundation
import Dispatch
import Synchronization

/// Something the session reports as it happens, on the training queue.
public enum SessionNotice: Sendable {
    /// An epoch ended and was evaluated.
    case epochEnded(EpochSummary)
    /// A command or the divergence guard changed the run.
    case event(TrainingEvent)
    /// The run ended; the snapshot is final.
    case finished(Snapshot)
    /// A checkpoint was written after `epoch`.
    case saved(path: String, epoch: Int)
    /// A checkpoint could not be written; training goes on.
    case saveFailed(String)
}

/// Where and how often a run saves checkpoints.
public struct CheckpointPlan: Sendable, Equatable {
    /// The checkpoint file, replaced atomically at each save.
    public var url: URL
    /// Save after every this many epochs as well as at the end; nil saves
    /// at the end only.
    public var everyEpochs: Int?
    /// The data the run reads, recorded for `--resume`.
    public var data: DataReference

    /// Creates a plan.
    public init(url: URL, everyEpochs: Int?, data: DataReference) {
        self.url = url
        self.everyEpochs = everyEpochs
        self.data = data
    }
}

/// A training run on its own serial queue. Commands go in through a
/// mailbox and take effect at the next batch boundary; the run comes out
/// as immutable snapshots. Neither side waits on the other beyond copying.
public final class TrainingSession: Sendable {
    private let queue: DispatchQueue
    private let mailbox = Mutex<[Command]>([])
    private let wakeup = DispatchSemaphore(value: 0)
    private let latest: Mutex<Snapshot>
    private let done = DispatchGroup()
    private let started = Atomic<Bool>(false)
    private let configuration: TrainingConfiguration
    private let data: DataSplits
    private let startPaused: Bool
    private let checkpoints: CheckpointPlan?
    private let resume: TrainingCheckpoint?
    private let log: MetricsLog?
    private let notify: @Sendable (SessionNotice) -> Void

    /// Prepares a run; nothing trains until ``start()``.
    ///
    /// - Parameters:
    ///   - startPaused: wait for `.resume` or `.step` before the first batch.
    ///   - notify: called on the training queue for each epoch, event and
    ///     the end; keep it short.
    ///   - checkpoints: where and how often to save the run, if at all.
    ///   - resume: a checkpoint to continue from; check it first with
    ///     ``TrainingCheckpoint/validate(for:)``.
    ///   - log: a metrics log that gets every batch, epoch and event.
    public init(
        configuration: TrainingConfiguration, data: DataSplits,
        startPaused: Bool = false, checkpoints: CheckpointPlan? = nil,
        resume: TrainingCheckpoint? = nil, log: MetricsLog? = nil,
        notify: @escaping @Sendable (SessionNotice) -> Void = { _ in }
    ) {
        self.checkpoints = checkpoints
        self.resume = resume
        self.log = log
        self.configuration = configuration
        self.data = data
        self.startPaused = startPaused
        self.notify = notify
        self.queue = DispatchQueue(label: "descent.training", qos: .userInitiated)
        let hyperparameters = Hyperparameters(
            learningRate: configuration.learningRate,
            momentum: configuration.momentum,
            batchSize: configuration.batchSize,
            optimizer: configuration.optimizer.kind.rawValue)
        let batchSize = max(1, configuration.batchSize)
        let steps = (data.train.count + batchSize - 1) / batchSize
        let model = configuration.modelDescription(
            inputs: data.train.featureCount,
            outputs: data.outputCount)
        latest = Mutex(Snapshot(
            datasetName: data.name, modelDescription: model,
            state: startPaused ? .paused : .running, epoch: 1,
            totalEpochs: configuration.epochs, step: 0,
            stepsPerEpoch: steps, hyperparameters: hyperparameters))
    }

    /// Starts training on the session's queue; a second call does nothing.
    public func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        done.enter()
        queue.async { [self] in
            var trainer = Trainer(
                configuration: configuration, data: data,
                startPaused: startPaused, checkpoints: checkpoints,
                resume: resume, log: log, session: self)
            trainer.run()
            done.leave()
        }
    }

    /// Queues a command for the next batch boundary.
    public func send(_ command: Command) {
        mailbox.withLock { $0.append(command) }
        wakeup.signal()
    }

    /// The latest published snapshot.
    public var snapshot: Snapshot { latest.withLock { $0 } }

    /// Blocks until the run has ended; false if `timeout` passed first.
    @discardableResult
    public func waitUntilFinished(timeout: DispatchTime = .distantFuture)
        -> Bool
    {
        done.wait(timeout: timeout) == .success
    }

    // MARK: - Used by the trainer on the training queue

    func takeCommands() -> [Command] {
        mailbox.withLock { commands in
            defer { commands.removeAll(keepingCapacity: true) }
            return commands
        }
    }

    /// Sleeps until a command arrives.
    func waitForCommand() {
        wakeup.wait()
    }

    func publish(_ snapshot: Snapshot) {
        latest.withLock { $0 = snapshot }
    }

    func report(_ notice: SessionNotice) {
        log?.record(notice)
        notify(notice)
    }
}
