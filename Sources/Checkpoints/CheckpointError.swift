import Foundation

/// A checkpoint or safetensors file that could not be read or written.
///
/// Every message names the file at fault, says what is wrong with it and,
/// where the user can do something about it, ends with what to do.
public struct CheckpointError: Error, Equatable, CustomStringConvertible {
    /// The kind of failure, for callers that react to some of them.
    public enum Kind: Sendable, Equatable {
        /// The file does not exist or could not be read.
        case unreadableFile
        /// The file ends before its header does.
        case truncatedHeader
        /// The header claims a length beyond the sanity cap.
        case headerTooLarge
        /// The header is not UTF-8 JSON of the expected shape.
        case malformedHeader
        /// A tensor's dtype is not one safetensors defines.
        case unknownDType
        /// A tensor's dtype is valid safetensors but not float32.
        case unsupportedDType
        /// A tensor's shape does not match the bytes its offsets span.
        case shapeMismatch
        /// Tensor offsets overlap, leave holes or run backwards.
        case badOffsets
        /// Two tensors share a name.
        case duplicateName
        /// The data ends before the last tensor does.
        case truncatedData
        /// The file is safetensors but not a Descent checkpoint.
        case notACheckpoint
        /// The checkpoint's format version is not the one this build reads.
        case unsupportedVersion
        /// The checkpoint's state could not be encoded or decoded.
        case malformedState
        /// A tensor the caller needs is absent or has the wrong shape.
        case missingTensor
        /// Writing or renaming the file failed.
        case writeFailed
    }

    /// What went wrong.
    public var kind: Kind
    /// The path of the file at fault, as given.
    public var file: String
    /// The exact message shown to users.
    public var description: String

    /// Creates an error; `message` is the full text users see.
    public init(_ kind: Kind, file: String, message: String) {
        self.kind = kind
        self.file = file
        self.description = message
    }

    /// An error whose message starts with the file's last path component.
    init(_ kind: Kind, path: String, _ detail: String) {
        self.init(
            kind, file: path,
            message: "\(Self.displayName(path)): \(detail)")
    }

    /// The last path component, which is how messages name a file.
    static func displayName(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.isEmpty ? path : name
    }
}
