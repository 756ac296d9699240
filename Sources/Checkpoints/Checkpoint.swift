import Foundation

/// A training run saved to disk: tensors as safetensors, everything else
/// as a versioned JSON `state` in the file's metadata.
///
/// The metadata holds `format: descent-checkpoint`, `version: 1` and
/// `state`, the JSON encoding of `State` (configuration, step, epoch, RNG
/// state, optimizer scalars, metric history: whatever the caller stores).
///
/// Tensors of a multi-layer perceptron are named as `torch.nn.Linear`
/// names them, so PyTorch can load them directly:
///
/// - `layers.{i}.weight`, shape `[out, in]` (Descent keeps `in × out`;
///   `LayerParameters` transposes on the way in and out);
/// - `layers.{i}.bias`, shape `[out]`;
/// - `optimizer.layers.{i}.weight.<slot>` and
///   `optimizer.layers.{i}.bias.<slot>` for per-parameter optimizer
///   state such as `momentum` or Adam's `exp_avg`, shaped like the
///   parameter they belong to.
public struct Checkpoint<State: Codable & Sendable>: Sendable {
    /// The tensors, in file order.
    public var tensors: [Tensor]
    /// Everything that is not a tensor.
    public var state: State

    /// Creates a checkpoint; tensor names must be unique.
    // A run's history may hold NaN (a regression run's accuracy, a
    // diverged loss); JSON has no such number, so it is written as text.
    static var nonFinite: JSONEncoder.NonConformingFloatEncodingStrategy {
        .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    }

    static var nonFiniteDecoding: JSONDecoder.NonConformingFloatDecodingStrategy {
        .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    }

    public init(tensors: [Tensor], state: State) {
        self.tensors = tensors
        self.state = state
    }

    /// The tensor called `name`, or nil.
    public func tensor(named name: String) -> Tensor? {
        tensors.first { $0.name == name }
    }

    /// The safetensors bytes; `file` names the target in errors.
    public func encoded(file: String = "checkpoint")
        throws(CheckpointError) -> Data
    {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = Self.nonFinite
        encoder.outputFormatting = [.sortedKeys]
        let json: Data
        do {
            json = try encoder.encode(state)
        } catch {
            throw CheckpointError(
                .malformedState, path: file,
                "the checkpoint state cannot be encoded as JSON (\(error)); "
                    + "keep non-finite numbers out of it")
        }
        let metadata = [
            CheckpointFormat.formatKey: CheckpointFormat.name,
            CheckpointFormat.versionKey: String(CheckpointFormat.version),
            CheckpointFormat.stateKey: String(decoding: json, as: UTF8.self),
        ]
        return SafetensorsFile(tensors: tensors, metadata: metadata)
            .encoded()
    }

    /// Saves the checkpoint to `url` atomically: a failed save leaves any
    /// earlier file at `url` as it was.
    public func save(to url: URL) throws(CheckpointError) {
        try AtomicFile.write(encoded(file: url.path), to: url)
    }

    /// Reads a checkpoint from safetensors bytes; `file` names them in
    /// errors.
    public init(decoding data: Data, file: String) throws(CheckpointError) {
        try self.init(
            SafetensorsFile(decoding: data, file: file), file: file)
    }

    /// Loads the checkpoint saved at `url`.
    public init(contentsOf url: URL) throws(CheckpointError) {
        try self.init(SafetensorsFile(contentsOf: url), file: url.path)
    }

    private init(_ contents: SafetensorsFile, file: String)
        throws(CheckpointError)
    {
        let metadata = contents.metadata
        try CheckpointFormat.check(metadata, file: file)
        guard let text = metadata[CheckpointFormat.stateKey] else {
            throw CheckpointError(
                .malformedState, path: file,
                "the checkpoint has no state in its metadata; the file is "
                    + "damaged")
        }
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteDecoding
            state = try decoder.decode(State.self, from: Data(text.utf8))
        } catch {
            throw CheckpointError(
                .malformedState, path: file,
                "the checkpoint state does not decode (\(error)); the file "
                    + "was written by a different program or is damaged")
        }
        tensors = contents.tensors
    }
}
