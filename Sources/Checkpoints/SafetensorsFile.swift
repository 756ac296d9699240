import Foundation

/// The contents of a safetensors file: float32 tensors in order, plus
/// string metadata.
///
/// The format: an 8-byte little-endian length N, N bytes of UTF-8 JSON
/// mapping each tensor name to `{"dtype", "shape", "data_offsets"}` (and
/// `__metadata__` to a string map), padded with spaces so the data starts
/// 8-byte aligned, then the tensors' little-endian bytes back to back, with
/// offsets counted from the start of the data.
public struct SafetensorsFile: Sendable, Equatable {
    /// The tensors, in the order their bytes appear in the file.
    public var tensors: [Tensor]
    /// Free-form `__metadata__` strings; empty when the file has none.
    public var metadata: [String: String]

    /// Headers longer than this are refused as corrupt: a real header for
    /// millions of tensors stays below it, and reading never allocates
    /// more than this for a header.
    public static let maxHeaderBytes = 100_000_000

    /// Creates a file's contents; tensor names must be unique.
    public init(tensors: [Tensor], metadata: [String: String] = [:]) {
        precondition(
            Set(tensors.map(\.name)).count == tensors.count,
            "tensor names repeat; give each tensor its own name")
        precondition(
            !tensors.contains { $0.name == "__metadata__" },
            "__metadata__ is reserved; rename that tensor")
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`, or nil.
    public func tensor(named name: String) -> Tensor? {
        tensors.first { $0.name == name }
    }

    /// Reads and validates the safetensors file at `url`.
    public init(contentsOf url: URL) throws(CheckpointError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let path = url.path
            let exists = FileManager.default.fileExists(atPath: path)
            throw CheckpointError(
                .unreadableFile, path: path,
                exists
                    ? "cannot be read; check its permissions"
                    : "no such file; check the path")
        }
        try self.init(decoding: data, file: url.path)
    }

    /// Writes the file to `url` atomically (see `AtomicFile`).
    public func write(to url: URL) throws(CheckpointError) {
        try AtomicFile.write(encoded(), to: url)
    }
}
