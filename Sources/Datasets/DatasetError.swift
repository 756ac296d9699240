import Foundation

/// A data set that could not be read or split, with the message users see.
///
/// Every message names the file (and line or column) at fault and, where
/// the user can do something about it, ends with what to do.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    /// The kind of failure, for callers that react to some of them.
    public enum Kind: Sendable, Equatable {
        /// A file or folder that should exist does not.
        case missingFile
        /// A file exists but could not be read.
        case unreadableFile
        /// The spec is not a bundled name, a folder or a CSV file.
        case unknownSource
        /// The bundled Resources folder could not be found.
        case missingResources
        /// Gzip data that zlib rejects or that ends early.
        case corruptGzip
        /// An IDX file whose magic number is not the expected one.
        case wrongMagicNumber
        /// A file shorter (or longer) than its header promises.
        case wrongLength
        /// Label and image counts differ, or test and training shapes do.
        case countMismatch
        /// A CSV row with a different number of values from the first.
        case raggedRow
        /// A CSV feature cell that is not a finite number.
        case notANumber
        /// A CSV row whose label cell is empty.
        case missingLabel
        /// A CSV row with a quoted value that is not closed properly.
        case malformedQuote
        /// A file with no data at all.
        case emptyFile
        /// A CSV file holding a header row and nothing else.
        case headerOnly
        /// A label column that names no column of the file.
        case unknownColumn
        /// Too few rows to make the requested splits.
        case tooFewRows
        /// A validation fraction outside the range that can be honoured.
        case invalidFraction
        /// Data that cannot be trained as the task asked for: a
        /// regression target that is not a number, or binary
        /// classification without exactly two classes.
        case taskMismatch
    }

    /// What went wrong.
    public var kind: Kind
    /// The path of the file or folder at fault, or the spec as given.
    public var file: String
    /// The 1-based line at fault, for text formats.
    public var line: Int?
    /// The 1-based column at fault, for text formats.
    public var column: Int?
    /// The exact message shown to users.
    public var description: String

    /// Creates an error; `message` is the full text users see.
    public init(
        _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
        message: String
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.description = message
    }
}

extension DatasetError {
    /// The last path component, which is how messages name a file.
    static func displayName(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.isEmpty ? path : name
    }
}
