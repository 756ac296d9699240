import Foundation

/// Reads labelled CSV files: numeric features and one label column.
///
/// - Gzip or plain, detected from the content; a UTF-8 byte-order mark,
///   CRLF line ends, blank lines and blanks around values are accepted.
/// - The first row is a header when none of its feature cells is a
///   number. A row mixing numbers and text is data, so a typo in the
///   first row is reported rather than taken for a header.
/// - The label column is the last one unless `labelColumn` names one: a
///   header name, or a 1-based column number.
/// - Labels may be numbers or text. Classes are the distinct labels,
///   sorted numerically when every label is a number (so 2 comes before
///   10), and otherwise by Swift's String ordering (code points, so "B"
///   before "a"). Class names are the labels as written.
/// - `task` says what the labels are for; nil lets them decide, by the
///   rule described at `LearningTask`. For regression the labels become targets,
///   one per row, as written (not scaled).
public enum CSVReader {
    /// Reads the CSV file at `url`, plain or gzip.
    public static func read(
        contentsOf url: URL, labelColumn: String? = nil, task: LearningTask? = nil
    ) throws(DatasetError) -> CSVTable {
        try parse(
            DataFile.contents(of: url), file: url.path,
            labelColumn: labelColumn, task: task)
    }

    /// Parses CSV bytes (plain or gzip); `file` names them in errors.
    public static func parse(
        _ data: Data, file: String, labelColumn: String? = nil,
        task: LearningTask? = nil
    ) throws(DatasetError) -> CSVTable {
        let text = try Gzip.decompress(data, file: file)
        let result = text.withUnsafeBytes { raw in
            Result { () throws(DatasetError) -> CSVTable in
                var parser = CSVParser(
                    bytes: raw.bindMemory(to: UInt8.self), file: file,
                    labelColumn: labelColumn, task: task)
                return try parser.parse()
            }
        }
        return try result.get()
    }
}
