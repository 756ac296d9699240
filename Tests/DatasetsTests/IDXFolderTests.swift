import Datasets
import Foundation
import Testing

/// IDX folders under every accepted spelling, with and without test files.
@Suite struct IDXFolderTests {
    @Test func imagesAreScaledByTwoHundredFiftyFive() throws {
        let data = idxFile(
            magic: 0x803, sizes: [2, 1, 2], body: [0, 51, 255, 1])
        let images = try IDXReader.images(from: data, file: "x")
        #expect(images.count == 2 && images.rows == 1 && images.columns == 2)
        let set = images.dataset(labels: [1, 0], classNames: ["0", "1"])
        #expect(set.features == [0, 0.2, 1, Float(1) / 255])
        #expect(set.labels == [1, 0])
        #expect(set.featureCount == 2)
    }

    @Test func fashionSpellingWithGzipIsFound() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images.idx3-ubyte.gz",
                         Gzip.compress(idxImages(count: 10)))
        let threes = [UInt8](repeating: 3, count: 10)
        try folder.write("train-labels.idx1-ubyte.gz",
                         Gzip.compress(idxLabels(threes)))
        try folder.write("t10k-images.idx3-ubyte", idxImages(count: 4))
        try folder.write("t10k-labels.idx1-ubyte", idxLabels([0, 1, 2, 9]))

        let files = try IDXFolder(locating: folder.url)
        #expect(files.trainImages.lastPathComponent
            == "train-images.idx3-ubyte.gz")
        #expect(files.testLabels?.lastPathComponent
            == "t10k-labels.idx1-ubyte")

        let splits = try DataLoader.load(
            folder.url.path, validationFraction: 0.2, seed: 5)
        #expect(splits.name == folder.url.lastPathComponent)
        #expect(splits.train.count == 8 && splits.validation.count == 2)
        #expect(splits.test?.labels == [0, 1, 2, 9])
        // Classes run to the largest label of either set.
        #expect(splits.classNames == (0...9).map(String.init))
        #expect(splits.imageShape?.rows == 2)
    }

    @Test func plainAndGzipFoldersLoadEqually() throws {
        let plain = try TemporaryFolder()
        defer { plain.remove() }
        let packed = try TemporaryFolder()
        defer { packed.remove() }
        let images = idxImages(count: 20, rows: 3, columns: 3, first: 40)
        let labels = idxLabels((0..<20).map { UInt8($0 % 4) })
        try plain.write("train-images-idx3-ubyte", images)
        try plain.write("train-labels-idx1-ubyte", labels)
        try packed.write("train-images-idx3-ubyte.gz", Gzip.compress(images))
        try packed.write("train-labels-idx1-ubyte.gz", Gzip.compress(labels))

        let a = try DataLoader.load(
            plain.url.path, validationFraction: 0.1, seed: 9)
        let b = try DataLoader.load(
            packed.url.path, validationFraction: 0.1, seed: 9)
        #expect(a.train == b.train)
        #expect(a.validation == b.validation)
        #expect(a.test == b.test)
    }

    @Test func folderWithoutTestFilesHoldsOutATestSplit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxImages(count: 20))
        try folder.write("train-labels-idx1-ubyte",
                         idxLabels((0..<20).map { UInt8($0 % 2) }))
        let splits = try DataLoader.load(
            folder.url.path, validationFraction: 0.25, seed: 2)
        #expect(splits.train.count == 10)
        #expect(splits.validation.count == 5)
        #expect(splits.test?.count == 5)
    }

    @Test func mnistGzipAndPlainTestImagesAreEqual() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let packedURL = resources.appendingPathComponent(
            "mnist/t10k-images-idx3-ubyte.gz")
        let plainURL = try folder.write(
            "t10k-images-idx3-ubyte",
            Gzip.decompress(try Data(contentsOf: packedURL), file: "t10k"))
        #expect(try IDXReader.images(at: plainURL)
            == IDXReader.images(at: packedURL))
    }
}
