import Synchronization

/// Writes a training run's metrics to a file as the run goes, for plotting
/// and comparing runs afterwards.
///
/// The file's ending picks the format (either case):
///
/// - `.jsonl`: one JSON object per line, `"type"` first and the other keys
///   in a fixed order, so logs of two runs diff cleanly. Types and keys:
///   - `run`: `command`, always the first line;
///   - `batch`: `step`, `epoch`, `loss`, `lr`;
///   - `epoch`: `epoch`, `step`, `train_loss`, `val_loss`, `val_acc`,
///     `samples_per_s`, `lr` (the CSV's columns);
///   - `event`: `step`, `epoch`, `kind`, then `old` and `new` for
///     `learning_rate`, `loss` for `diverged`, `best_epoch` for
///     `early_stopped`; the other kinds are `paused`, `resumed`,
///     `single_step` and `stopped`;
///   - `end`: `test_loss` and `test_accuracy` (null without a test set),
///     `steps`, `epochs`.
///
///   A batch reads `{"type":"batch","step":1,"epoch":1,"loss":0.69,
///   "lr":0.1}` (on one line). A NaN or infinite number is written as null
///   followed by `<key>_text`: `"loss":null,"loss_text":"nan"` (or `inf`,
///   `-inf`). Read it with `pandas.read_json(path, lines=True)`.
///
/// - `.csv`: one row per epoch. The first line is a comment holding the
///   command, `# descent --data xor` (a line break in it is written
///   `\n`); then the header
///   `epoch,step,train_loss,val_loss,val_acc,samples_per_s,lr`. Read it
///   with `pandas.read_csv(path, comment="#")`. Non-finite numbers are
///   written `nan`, `inf` or `-inf`. Batches and events are not written.
///
/// Numbers are written in the shortest form that reads back to the same
/// value. `step` in an epoch line is the last step seen through
/// ``logBatch(step:epoch:loss:learningRate:)`` or an event, since an
/// ``EpochSummary`` carries none.
///
/// Lines are buffered and reach the disk every 64 KB, at each epoch's end,
/// at each event and at ``close()``, so a line per batch costs no system
/// call. A write failure is kept and reported by ``close()``; what follows
/// it is dropped. Calls after ``close()`` write nothing. Safe to call from
/// any thread.
public final class MetricsLog: Sendable {
    /// How a log is written, chosen by the file's ending.
    public enum Format: Sendable, Equatable {
        /// `.jsonl`: a JSON object per line for the run, batches, epochs,
        /// events and the end.
        case jsonLines
        /// `.csv`: a row per epoch.
        case csv
    }

    /// The file written, as given.
    public let path: String
    /// The format, from the file's ending.
    public let format: Format
    private let state: Mutex<State>

    private struct State {
        var file: MetricsLogFile
        /// Batches trained, as last reported; numbers the epoch lines.
        var lastStep = 0
    }

    /// Creates (or empties) the file at `path` and writes its first line.
    ///
    /// - Parameters:
    ///   - path: a file ending in `.jsonl` or `.csv`, in a folder that
    ///     exists.
    ///   - command: the one-line command that reproduces the run.
    /// - Throws: ``MetricsLogError/unsupportedFormat(path:)`` for another
    ///   ending, ``MetricsLogError/cannotCreate(path:reason:)`` when the
    ///   file cannot be opened.
    public init(path: String, command: String) throws(MetricsLogError) {
        guard let format = Self.format(ofPath: path) else {
            throw .unsupportedFormat(path: path)
        }
        var file = try MetricsLogFile(path: path)
        file.append(
            format == .csv
                ? Self.csvPreamble(command: command)
                : Self.runLine(command: command))
        // Written now so the file names its run from the start; a failure
        // is kept and reported by close() like any other write's.
        file.flush()
        self.path = path
        self.format = format
        state = Mutex(State(file: file))
    }

    deinit {
        state.withLock { $0.file.closeFile() }
    }

    /// The format a path's ending asks for, or nil for another ending.
    public static func format(ofPath path: String) -> Format? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") { return .jsonLines }
        if lowered.hasSuffix(".csv") { return .csv }
        return nil
    }

    // MARK: - Recording

    /// Records one trained batch: `step` counts the batches trained so far,
    /// this one included. Called by the trainer on the training queue.
    public func logBatch(
        step: Int, epoch: Int, loss: Float, learningRate: Float
    ) {
        let line = format == .jsonLines
            ? Self.batchLine(
                step: step, epoch: epoch, loss: loss,
                learningRate: learningRate)
            : nil
        state.withLock { state in
            state.lastStep = max(state.lastStep, step)
            if let line { state.file.append(line) }
        }
    }

    /// Records a session notice; pass it the session's `notify` calls.
    public func record(_ notice: SessionNotice) {
        switch notice {
        case .epochEnded(let summary):
            state.withLock { state in
                state.file.append(
                    format == .csv
                        ? Self.csvRow(summary, step: state.lastStep)
                        : Self.epochLine(summary, step: state.lastStep))
                state.file.flush()
            }
        case .event(let event):
            let line = format == .jsonLines ? Self.eventLine(event) : nil
            state.withLock { state in
                state.lastStep = max(state.lastStep, event.step)
                if let line {
                    state.file.append(line)
                    state.file.flush()
                }
            }
        case .finished(let snapshot):
            let line = format == .jsonLines ? Self.endLine(snapshot) : nil
            state.withLock { state in
                state.lastStep = max(state.lastStep, snapshot.step)
                if let line { state.file.append(line) }
                state.file.flush()
            }
        case .saved, .saveFailed:
            break
        }
    }

    /// Writes out what is buffered and closes the file.
    ///
    /// - Throws: ``MetricsLogError/writeFailed(path:reason:)`` with the
    ///   first failure of the log's life, here or earlier; again on every
    ///   later call.
    public func close() throws(MetricsLogError) {
        let failure = state.withLock { state in
            state.file.closeFile()
            return state.file.failure
        }
        if let failure { throw failure }
    }
}
