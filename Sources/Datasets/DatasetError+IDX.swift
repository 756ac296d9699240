import Foundation

// MARK: - IDX files and folders

extension DatasetError {
    static func noTrainingFiles(_ folder: String) -> DatasetError {
        DatasetError(
            .missingFile, file: folder,
            message: "\(folder): no IDX training files. Expected "
                + "train-images-idx3-ubyte and train-labels-idx1-ubyte "
                + "(or the train-images.idx3-ubyte spelling), plain or .gz.")
    }

    static func missingPartner(
        _ folder: String, found: String, missing: String, isTest: Bool
    ) -> DatasetError {
        let advice = isTest
            ? "Add \(missing), or remove \(found) to hold out a test split "
                + "from the training data instead."
            : "Add \(missing) next to it."
        return DatasetError(
            .missingFile, file: folder,
            message: "\(folder): found \(found) but no \(missing) "
                + "(plain or .gz, either spelling). \(advice)")
    }

    static func wrongMagic(
        _ path: String, found: UInt32, expected: UInt32, content: String
    ) -> DatasetError {
        DatasetError(
            .wrongMagicNumber, file: path,
            message: "\(displayName(path)): magic number \(hex(found)), "
                + "expected \(hex(expected)) (\(content)). "
                + "Check that this is the right file.")
    }

    static func shortHeader(
        _ path: String, found: Int, needed: Int
    ) -> DatasetError {
        DatasetError(
            .wrongLength, file: path,
            message: "\(displayName(path)): expected a \(needed)-byte IDX "
                + "header, found \(found) bytes. The file is incomplete "
                + "or not IDX; replace it.")
    }

    static func wrongLength(
        _ path: String, expected: Int, found: Int, content: String
    ) -> DatasetError {
        let advice = found < expected
            ? "The file is incomplete; replace it with a complete copy."
            : "The file has extra bytes at the end; replace it with an "
                + "intact copy."
        return DatasetError(
            .wrongLength, file: path,
            message: "\(displayName(path)): expected \(expected) bytes of "
                + "data (\(content)), found \(found). \(advice)")
    }

    static func labelCountMismatch(
        labels labelsPath: String, labelCount: Int,
        images imagesPath: String, imageCount: Int
    ) -> DatasetError {
        DatasetError(
            .countMismatch, file: labelsPath,
            message: "\(displayName(labelsPath)): \(labelCount) labels for "
                + "\(imageCount) images in \(displayName(imagesPath)). "
                + "Use the labels file that belongs to these images.")
    }

    static func imageShapeMismatch(
        _ path: String, rows: Int, columns: Int,
        trainingRows: Int, trainingColumns: Int
    ) -> DatasetError {
        DatasetError(
            .countMismatch, file: path,
            message: "\(displayName(path)): images are \(rows)x\(columns), "
                + "but the training images are "
                + "\(trainingRows)x\(trainingColumns). "
                + "Use test images of the training size.")
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
