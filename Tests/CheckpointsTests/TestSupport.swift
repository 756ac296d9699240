import Checkpoints
import Foundation
import Testing

/// The message of the `CheckpointError` that `body` throws, or nil when it
/// succeeds. Any other error is recorded as a test failure.
func errorMessage<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as CheckpointError {
        return error.description
    } catch {
        Issue.record("not a CheckpointError: \(error)")
        return nil
    }
}

/// The message the reader gives for `bytes`, named `model.st`.
func decodingError(_ bytes: [UInt8]) -> String? {
    errorMessage {
        try SafetensorsFile(decoding: Data(bytes), file: "model.st")
    }
}

/// A safetensors file built by hand: `header` padded to 8 bytes with
/// spaces, its length in front and `data` behind.
func handMade(header: String, data: [UInt8] = []) -> [UInt8] {
    var json = Array(header.utf8)
    json += repeatElement(UInt8(ascii: " "), count: (8 - json.count % 8) % 8)
    return littleEndian(UInt64(json.count)) + json + data
}

/// The 8 little-endian bytes of `value`.
func littleEndian(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

/// A fresh folder under the system temporary folder. Tests remove it with
/// `defer { folder.remove() }`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-checkpoints-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true)
    }

    /// The names of the files in the folder, hidden ones included, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// Deletes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
