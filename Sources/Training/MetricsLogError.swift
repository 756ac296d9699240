/// Why a metrics log could not be created or written.
///
/// Every message names the log's path as given and ends with what the user
/// can do.
public enum MetricsLogError: Error, Equatable, CustomStringConvertible {
    /// The path ends in neither `.jsonl` nor `.csv`.
    case unsupportedFormat(path: String)
    /// The file could not be opened for writing; `reason` says why, such as
    /// `the folder runs does not exist`.
    case cannotCreate(path: String, reason: String)
    /// A write, or closing the file, failed; `reason` is the system's text,
    /// such as `No space left on device`.
    case writeFailed(path: String, reason: String)

    /// The path of the log at fault, as given.
    public var path: String {
        switch self {
        case .unsupportedFormat(let path), .cannotCreate(let path, _),
            .writeFailed(let path, _):
            path
        }
    }

    /// A one-line explanation ending with what to do.
    public var description: String {
        switch self {
        case .unsupportedFormat(let path):
            "metrics log \(path): the name must end in .jsonl (one JSON "
                + "object per line) or .csv (one row per epoch); rename it, "
                + "such as \(Self.renamed(path))"
        case .cannotCreate(let path, let reason):
            "metrics log \(path): cannot create it, \(reason); choose a "
                + "path in a folder that exists and that you can write to"
        case .writeFailed(let path, let reason):
            "metrics log \(path): writing failed (\(reason)), so the log is "
                + "incomplete; free some space or choose another folder"
        }
    }

    /// The path with its last extension, if any, replaced by `.jsonl`.
    private static func renamed(_ path: String) -> String {
        let nameStart = path.lastIndex(of: "/").map(path.index(after:))
            ?? path.startIndex
        let name = path[nameStart...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex
        else { return path + ".jsonl" }
        return path[..<dot] + ".jsonl"
    }
}
