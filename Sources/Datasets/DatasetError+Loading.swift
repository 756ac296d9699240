import Foundation

// MARK: - Files, gzip, specs and splits

extension DatasetError {
    static let expectedSources = "Expected mnist, digits, iris, a folder "
        + "with IDX files, or a .csv/.csv.gz file."

    static func missingFile(_ path: String) -> DatasetError {
        DatasetError(
            .missingFile, file: path,
            message: "\(path): no such file. Check the path.")
    }

    static func unreadable(_ path: String, reason: String) -> DatasetError {
        DatasetError(
            .unreadableFile, file: path,
            message: "\(displayName(path)): cannot be read (\(reason)). "
                + "Check that it is a readable file.")
    }

    static func unknownSource(_ spec: String, exists: Bool) -> DatasetError {
        guard !spec.isEmpty else {
            return DatasetError(
                .unknownSource, file: spec,
                message: "no data set given. \(expectedSources)")
        }
        let problem = exists ? "not a data set" : "no such file or folder"
        return DatasetError(
            .unknownSource, file: spec,
            message: "\(spec): \(problem). \(expectedSources)")
    }

    static func missingResources(
        _ name: String, searched directory: URL?
    ) -> DatasetError {
        let place = directory.map { "in \($0.path)" }
            ?? "(no Resources folder near the executable)"
        return DatasetError(
            .missingResources, file: directory?.path ?? name,
            message: "\(name): the bundled data was not found \(place). "
                + "Set DESCENT_RESOURCES to the folder holding mnist/, "
                + "digits/ and iris/.")
    }

    static func tooLarge(_ path: String, limit: Int) -> DatasetError {
        DatasetError(
            .unreadableFile, file: path,
            message: "\(displayName(path)): decompresses to more than "
                + "\(limit / 1_000_000) MB, over half of this machine's "
                + "memory. Use a smaller file.")
    }

    static func corruptGzip(_ path: String, detail: String) -> DatasetError {
        DatasetError(
            .corruptGzip, file: path,
            message: "\(displayName(path)): corrupt gzip data (\(detail)). "
                + "Replace the file with an intact copy.")
    }

    static func truncatedGzip(_ path: String) -> DatasetError {
        DatasetError(
            .corruptGzip, file: path,
            message: "\(displayName(path)): the gzip data ends early. "
                + "The file is incomplete; replace it with a complete copy.")
    }

    static func invalidFraction(_ fraction: Double) -> DatasetError {
        DatasetError(
            .invalidFraction, file: "",
            message: "validation fraction \(fraction) is out of range. "
                + "Give a fraction above 0 and below 1, such as 0.1.")
    }

    static func fractionTooLarge(
        _ name: String, fraction: Double
    ) -> DatasetError {
        DatasetError(
            .invalidFraction, file: name,
            message: "\(name): validation fraction \(fraction) is too large. "
                + "With no test set in the data, the same fraction is also "
                + "held out for testing, so give a fraction below 0.5, "
                + "such as 0.1.")
    }

    static func tooFewRows(
        _ name: String, count: Int, holdingOutTest: Bool
    ) -> DatasetError {
        let needed = holdingOutTest ? 3 : 2
        let splits = holdingOutTest
            ? "training, validation and test sets"
            : "training and validation sets"
        let rows = count == 1 ? "1 row" : "\(count) rows"
        return DatasetError(
            .tooFewRows, file: name,
            message: "\(name): \(rows), too few to split into \(splits) "
                + "(need at least \(needed)). Add rows to the data.")
    }

    static func labelColumnNotApplicable(_ name: String) -> DatasetError {
        DatasetError(
            .unknownColumn, file: name,
            message: "\(name): a label column applies only to CSV files. "
                + "Leave it out for IDX data.")
    }
}
