import Datasets
import Foundation
import Testing

/// Broken IDX files and folders, each with the exact message users see.
@Suite struct BrokenIDXTests {
    /// A folder with a good training pair of three 2x2 images.
    func folderWithTrainingPair() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("train-images-idx3-ubyte", idxImages(count: 3))
        try folder.write("train-labels-idx1-ubyte", idxLabels([0, 1, 2]))
        return folder
    }

    func loadMessage(_ folder: TemporaryFolder) -> String? {
        errorMessage {
            try DataLoader.load(
                folder.url.path, validationFraction: 0.2, seed: 1)
        }
    }

    @Test func truncatedImagesFileSaysHowManyBytesWereExpected() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write(
            "train-images-idx3-ubyte", idxImages(count: 3).dropLast(2))
        #expect(loadMessage(folder) == """
            train-images-idx3-ubyte: expected 12 bytes of data (3 images \
            of 2x2), found 10. The file is incomplete; replace it with a \
            complete copy.
            """)
    }

    @Test func imagesFileWithExtraBytesIsRejected() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write(
            "train-images-idx3-ubyte", idxImages(count: 3) + Data([7]))
        #expect(loadMessage(folder) == """
            train-images-idx3-ubyte: expected 12 bytes of data (3 images \
            of 2x2), found 13. The file has extra bytes at the end; \
            replace it with an intact copy.
            """)
    }

    @Test func truncatedLabelsFileSaysHowManyBytesWereExpected() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write(
            "train-labels-idx1-ubyte", idxLabels([0, 1, 2]).dropLast())
        #expect(loadMessage(folder) == """
            train-labels-idx1-ubyte: expected 3 bytes of data (3 labels), \
            found 2. The file is incomplete; replace it with a complete copy.
            """)
    }

    @Test func fileShorterThanItsHeaderIsRejected() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write(
            "train-images-idx3-ubyte", idxImages(count: 3).prefix(9))
        #expect(loadMessage(folder) == """
            train-images-idx3-ubyte: expected a 16-byte IDX header, found \
            9 bytes. The file is incomplete or not IDX; replace it.
            """)
    }

    @Test func labelsFileInPlaceOfImagesNamesBothMagicNumbers() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxLabels([0, 1, 2]))
        #expect(loadMessage(folder) == """
            train-images-idx3-ubyte: magic number 0x00000801, expected \
            0x00000803 (IDX images of unsigned bytes). Check that this is \
            the right file.
            """)
    }

    @Test func imagesFileInPlaceOfLabelsNamesBothMagicNumbers() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write("train-labels-idx1-ubyte", idxImages(count: 3))
        #expect(loadMessage(folder) == """
            train-labels-idx1-ubyte: magic number 0x00000803, expected \
            0x00000801 (IDX labels of unsigned bytes). Check that this is \
            the right file.
            """)
    }

    @Test func labelCountThatDiffersFromImageCountIsRejected() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write("train-labels-idx1-ubyte", idxLabels([0, 1]))
        #expect(loadMessage(folder) == """
            train-labels-idx1-ubyte: 2 labels for 3 images in \
            train-images-idx3-ubyte. Use the labels file that belongs to \
            these images.
            """)
    }

    @Test func testImagesOfAnotherSizeAreRejected() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write(
            "t10k-images-idx3-ubyte", idxImages(count: 2, rows: 3))
        try folder.write("t10k-labels-idx1-ubyte", idxLabels([0, 1]))
        #expect(loadMessage(folder) == """
            t10k-images-idx3-ubyte: images are 3x2, but the training \
            images are 2x2. Use test images of the training size.
            """)
    }

    @Test func folderWithoutIDXFilesListsTheExpectedNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("readme.txt", text: "nothing here")
        #expect(loadMessage(folder) == """
            \(folder.url.path): no IDX training files. Expected \
            train-images-idx3-ubyte and train-labels-idx1-ubyte (or the \
            train-images.idx3-ubyte spelling), plain or .gz.
            """)
    }

    @Test func missingTrainingLabelsFileIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte.gz",
                         Gzip.compress(idxImages(count: 3)))
        #expect(loadMessage(folder) == """
            \(folder.url.path): found train-images-idx3-ubyte.gz but no \
            train-labels-idx1-ubyte (plain or .gz, either spelling). Add \
            train-labels-idx1-ubyte next to it.
            """)
    }

    @Test func halfATestPairIsAnErrorNotASilentHoldOut() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        try folder.write("t10k-images.idx3-ubyte", idxImages(count: 2))
        #expect(loadMessage(folder) == """
            \(folder.url.path): found t10k-images.idx3-ubyte but no \
            t10k-labels-idx1-ubyte (plain or .gz, either spelling). Add \
            t10k-labels-idx1-ubyte, or remove t10k-images.idx3-ubyte to \
            hold out a test split from the training data instead.
            """)
    }

    @Test func labelColumnIsRejectedForIDXData() throws {
        let folder = try folderWithTrainingPair()
        defer { folder.remove() }
        let message = errorMessage {
            try DataLoader.load(
                folder.url.path, labelColumn: "1", validationFraction: 0.2,
                seed: 1)
        }
        #expect(message == """
            \(folder.url.lastPathComponent): a label column applies only to \
            CSV files. Leave it out for IDX data.
            """)
    }
}
