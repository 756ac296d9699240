#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file open for writing with an in-memory buffer in front of it.
///
/// Lines collect in the buffer and reach the file when it holds
/// ``flushThreshold`` bytes or when asked, so a line per batch costs no
/// system call. The first failure is kept; later writes are dropped, since
/// a log with a hole in the middle would mislead more than a short one.
struct MetricsLogFile {
    /// Buffered bytes that trigger a write.
    static let flushThreshold = 64 * 1024

    /// The path as given, for messages.
    let path: String
    /// The open file, or -1 once closed.
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// The first write or close failure, if any.
    private(set) var failure: MetricsLogError?

    /// Creates the file, or empties it if it exists.
    init(path: String) throws(MetricsLogError) {
        let descriptor = open(
            path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotCreate(
                path: path, reason: Self.openFailure(errno, path: path))
        }
        self.path = path
        self.descriptor = descriptor
        // Room for a full buffer plus the line that overflows it.
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Whether the file is still open.
    var isOpen: Bool { descriptor >= 0 }

    /// Adds text to the buffer, writing the buffer out once it is full.
    mutating func append(_ text: String) {
        guard isOpen, failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Writes out everything buffered.
    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard isOpen, failure == nil, !buffer.isEmpty else { return }
        let descriptor = descriptor
        let errorNumber = buffer.withUnsafeBytes { bytes -> Int32? in
            var written = 0
            while written < bytes.count {
                let result = write(
                    descriptor, bytes.baseAddress! + written,
                    bytes.count - written)
                if result >= 0 {
                    written += result
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
        if let errorNumber {
            failure = .writeFailed(
                path: path, reason: Self.systemText(errorNumber))
        }
    }

    /// Writes out the buffer and closes the file; later calls do nothing.
    mutating func closeFile() {
        guard isOpen else { return }
        flush()
        // close(2) can report a failed delayed write (NFS, full disk).
        if close(descriptor) != 0, failure == nil {
            failure = .writeFailed(path: path, reason: Self.systemText(errno))
        }
        descriptor = -1
    }

    // MARK: - Messages

    /// Why open(2) failed, in words that point at the fix.
    private static func openFailure(_ code: Int32, path: String) -> String {
        let folder = folder(of: path)
        switch code {
        case ENOENT: return "the folder \(folder) does not exist"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        case EACCES, EPERM:
            return "permission denied in the folder \(folder)"
        case EROFS: return "the folder \(folder) is on a read-only disk"
        default: return systemText(code)
        }
    }

    /// The folder part of a path: `.` for a bare name, `/` at the root.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The system's text for an errno value.
    private static func systemText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
