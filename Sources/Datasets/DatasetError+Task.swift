import Foundation

// MARK: - Tasks that do not fit the data

extension DatasetError {
    /// How many class names a message lists before summing up the rest.
    static let listedClasses = 10

    static func notATarget(
        _ path: String, line: Int, column: Int, name: String?,
        text: String, isNonFinite: Bool
    ) -> DatasetError {
        let problem = isNonFinite ? "is not a finite number" : "is not a number"
        return DatasetError(
            .taskMismatch, file: path, line: line, column: column,
            message: "\(place(path, line, column, name)): \"\(text)\" "
                + "\(problem), so it cannot be a regression target. Fix "
                + "the value, or train this column as classification.")
    }

    static func binaryNeedsTwoClasses(
        _ path: String, classNames: [String]
    ) -> DatasetError {
        let shown = classNames.prefix(listedClasses).joined(separator: ", ")
        let rest = classNames.count - listedClasses
        let list = rest > 0 ? "\(shown) and \(rest) more" : shown
        let classes = classNames.count == 1
            ? "1 class" : "\(classNames.count) classes"
        return DatasetError(
            .taskMismatch, file: path,
            message: "\(displayName(path)): binary classification needs "
                + "exactly 2 classes, but the labels hold \(classes): "
                + "\(list). Train it as classification, or choose a label "
                + "column with two values.")
    }
}
