import Datasets
import Foundation
import Testing

/// MNIST split once for all tests that need it: decoding 70,000 images is
/// the slowest thing these tests do.
let mnistSplits = Result { () throws(DatasetError) -> DataSplits in
    try DataLoader.load(
        resources.appendingPathComponent("mnist").path,
        validationFraction: 0.1, seed: 7)
}

/// The data sets shipped in Resources load with their published facts.
@Suite struct BundledDataTests {
    @Test func mnistHasSixtyThousandTrainingAndTenThousandTestImages() throws {
        let splits = try mnistSplits.get()
        #expect(splits.name == "mnist")
        #expect(splits.train.count + splits.validation.count == 60_000)
        #expect(splits.test?.count == 10_000)
        #expect(splits.featureCount == 784)
        #expect(splits.classNames == (0...9).map(String.init))
        #expect(splits.imageShape?.rows == 28)
        #expect(splits.imageShape?.columns == 28)
        #expect(splits.standardization == nil)
    }

    @Test func mnistLabelsStartAsPublished() throws {
        let train = try IDXReader.labels(
            at: resources.appendingPathComponent(
                "mnist/train-labels-idx1-ubyte.gz"))
        let test = try IDXReader.labels(
            at: resources.appendingPathComponent(
                "mnist/t10k-labels-idx1-ubyte.gz"))
        #expect(train.count == 60_000)
        #expect(Array(train.prefix(10)) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        #expect(Array(test.prefix(10)) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        // The loaded test set keeps file order.
        let splits = try mnistSplits.get()
        #expect(Array(splits.test!.labels.prefix(10))
            == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
    }

    @Test func mnistMeanRawPixelIsAsPublished() throws {
        let images = try IDXReader.images(
            at: resources.appendingPathComponent(
                "mnist/train-images-idx3-ubyte.gz"))
        #expect(images.count == 60_000)
        #expect(images.rows == 28 && images.columns == 28)
        let total = images.pixels.withUnsafeBufferPointer { pixels in
            pixels.reduce(0) { $0 + Int($1) }
        }
        let mean = Double(total) / Double(images.pixels.count)
        #expect(abs(mean - 33.32) <= 0.01)
    }

    @Test func mnistPixelsAreScaledToTheUnitRange() throws {
        let test = try #require(try mnistSplits.get().test)
        let images = try IDXReader.images(
            at: resources.appendingPathComponent(
                "mnist/t10k-images-idx3-ubyte.gz"))
        #expect(test.features.count == images.pixels.count)
        let mismatches = zip(test.features, images.pixels).filter {
            $0.0 != Float($0.1) / 255
        }
        #expect(mismatches.isEmpty)
        #expect(test.features.min() == 0 && test.features.max() == 1)
    }

    @Test func digitsHas1797RowsOf64FeaturesInTenClasses() throws {
        let table = try CSVReader.read(
            contentsOf: resources.appendingPathComponent(
                "digits/digits.csv.gz"))
        #expect(table.dataset.count == 1797)
        #expect(table.dataset.featureCount == 64)
        #expect(table.dataset.classNames == (0...9).map(String.init))
        #expect(table.featureNames == nil)
        // The first row is a zero, as in scikit-learn's copy.
        #expect(table.dataset.labels.first == 0)
        #expect(Array(table.dataset.row(0).prefix(5)) == [0, 0, 5, 13, 9])

        let splits = try DataLoader.load(
            "digits", validationFraction: 0.1, seed: 3)
        #expect(splits.name == "digits")
        #expect(splits.imageShape?.rows == 8)
        #expect(splits.imageShape?.columns == 8)
    }

    @Test func irisHas150RowsOfFourMeasurementsInThreeSpecies() throws {
        let table = try CSVReader.read(
            contentsOf: resources.appendingPathComponent("iris/iris.csv"))
        #expect(table.dataset.count == 150)
        #expect(table.dataset.featureCount == 4)
        #expect(table.dataset.classNames
            == ["setosa", "versicolor", "virginica"])
        #expect(table.featureNames
            == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect(table.labelName == "species")
        #expect(Array(table.dataset.row(0)) == [5.1, 3.5, 1.4, 0.2])
        #expect(table.dataset.labels.last == 2)

        // Bundled names are matched without regard to case.
        let splits = try DataLoader.load(
            "Iris", validationFraction: 0.2, seed: 3)
        #expect(splits.name == "iris")
        #expect(splits.source.hasSuffix("Resources/iris/iris.csv"))
        #expect(splits.imageShape == nil)
        #expect(splits.featureNames == table.featureNames)
    }
}
