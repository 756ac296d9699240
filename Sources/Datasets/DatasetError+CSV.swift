import Foundation

// MARK: - CSV files

extension DatasetError {
    static func raggedRow(
        _ path: String, line: Int, found: Int, expected: Int
    ) -> DatasetError {
        let features = expected - 1 == 1
            ? "1 feature" : "\(expected - 1) features"
        return DatasetError(
            .raggedRow, file: path, line: line,
            message: "\(displayName(path)) line \(line): \(values(found)), "
                + "expected \(expected) (\(features) and a label). "
                + "Give every row the same number of values.")
    }

    static func tooFewColumns(
        _ path: String, line: Int, found: Int
    ) -> DatasetError {
        DatasetError(
            .raggedRow, file: path, line: line,
            message: "\(displayName(path)) line \(line): \(values(found)), "
                + "expected at least 2 (features and a label). "
                + "Separate values with commas.")
    }

    static func notANumber(
        _ path: String, line: Int, column: Int, name: String?,
        text: String, isNonFinite: Bool
    ) -> DatasetError {
        let problem = isNonFinite
            ? "is not a finite number. Replace it or remove the row."
            : "is not a number. Fix the value; only the label column "
                + "may hold text."
        return DatasetError(
            .notANumber, file: path, line: line, column: column,
            message: "\(place(path, line, column, name)): \"\(text)\" "
                + problem)
    }

    static func missingLabel(
        _ path: String, line: Int, column: Int, name: String?
    ) -> DatasetError {
        DatasetError(
            .missingLabel, file: path, line: line, column: column,
            message: "\(place(path, line, column, name)): the label is "
                + "empty. Give every row a label.")
    }

    static func malformedQuote(_ path: String, line: Int) -> DatasetError {
        DatasetError(
            .malformedQuote, file: path, line: line,
            message: "\(displayName(path)) line \(line): a quoted value is "
                + "not closed properly. Quote whole values, double any "
                + "quote inside one (\"\"), and keep each row on one line.")
    }

    static func emptyFile(_ path: String) -> DatasetError {
        DatasetError(
            .emptyFile, file: path,
            message: "\(displayName(path)): the file is empty. Give one row "
                + "per sample: numeric features, then the label.")
    }

    static func headerOnly(_ path: String) -> DatasetError {
        DatasetError(
            .headerOnly, file: path,
            message: "\(displayName(path)): a header row but no data rows. "
                + "Add one row per sample below the header.")
    }

    static func unknownColumn(
        _ path: String, column: String, header: [String]?, columnCount: Int
    ) -> DatasetError {
        let what = Int(column) != nil
            ? "no column \(column)" : "no column named \"\(column)\""
        let advice: String
        if let header {
            advice = "The columns are \(header.joined(separator: ", ")); "
                + "give a name or a number from 1 to \(columnCount)."
        } else {
            advice = "The file has no header row; give a column number "
                + "from 1 to \(columnCount)."
        }
        return DatasetError(
            .unknownColumn, file: path,
            message: "\(displayName(path)): \(what). \(advice)")
    }

    private static func values(_ count: Int) -> String {
        count == 1 ? "1 value" : "\(count) values"
    }

    static func place(
        _ path: String, _ line: Int, _ column: Int, _ name: String?
    ) -> String {
        let base = "\(displayName(path)) line \(line), column \(column)"
        guard let name, !name.isEmpty else { return base }
        return base + " (\(name))"
    }
}
