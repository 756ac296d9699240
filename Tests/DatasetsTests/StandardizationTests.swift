import Datasets
import Foundation
import Testing

/// Standardisation with training statistics, applied to every split.
@Suite struct StandardizationTests {
    @Test func fittedStatisticsAreExact() {
        // Column 0 is 0, 0, 4, 4 (mean 2, deviation 2); column 1 is 5.
        let train = Dataset(
            features: [0, 5, 0, 5, 4, 5, 4, 5], labels: [0, 0, 1, 1],
            featureCount: 2, classNames: ["a", "b"])
        let scaling = Standardization(fitting: train)
        #expect(scaling.mean == [2, 5])
        #expect(scaling.standardDeviation == [2, 1])
        #expect(scaling.apply(to: train).features
            == [-1, 0, -1, 0, 1, 0, 1, 0])

        let unseen = Dataset(
            features: [6, 7], labels: [1], featureCount: 2,
            classNames: ["a", "b"])
        #expect(scaling.apply(to: unseen).features == [2, 2])
    }

    @Test func constantColumnBecomesZerosNotNaN() {
        // 0.1 is inexact in binary, so a computed deviation would not be 0.
        let data = Dataset(
            features: Array(repeating: 0.1, count: 7), labels: Array(
                repeating: 0, count: 7),
            featureCount: 1, classNames: ["only"])
        let scaling = Standardization(fitting: data)
        #expect(scaling.standardDeviation == [1])
        #expect(scaling.apply(to: data).features.allSatisfy { $0 == 0 })
    }

    @Test func loaderScalesEverySplitWithTrainingStatisticsOnly() throws {
        // Feature 0 is the row number squared, feature 1 is constant; the
        // label names the row, so raw values can be recovered. Thirty
        // distinct integer labels would be read as regression targets.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = (0..<30).map { "\($0 * $0),3,\($0)" }
            .joined(separator: "\n")
        let file = try folder.write("squares.csv", text: text)
        let splits = try DataLoader.load(
            file.path, task: .classification, validationFraction: 0.2,
            seed: 21)
        let scaling = try #require(splits.standardization)

        func rawRows(_ set: Dataset) -> [Double] {
            set.labels.map {
                let row = Double(set.classNames[Int($0)])!
                return row * row
            }
        }
        let train = rawRows(splits.train)
        let mean = train.reduce(0, +) / Double(train.count)
        let variance = train.map { ($0 - mean) * ($0 - mean) }
            .reduce(0, +) / Double(train.count)
        #expect(scaling.mean == [Float(mean), 3])
        #expect(scaling.standardDeviation
            == [Float(variance.squareRoot()), 1])

        // The statistics of all 30 rows differ from the training ones.
        let allMean = (0..<30).map { Double($0 * $0) }.reduce(0, +) / 30
        #expect(Float(allMean) != scaling.mean[0])

        let test = try #require(splits.test)
        for set in [splits.train, splits.validation, test] {
            let expected = rawRows(set).flatMap { raw -> [Float] in
                let scaled = (Float(raw) - scaling.mean[0])
                    / scaling.standardDeviation[0]
                return [scaled, 0]
            }
            #expect(set.features == expected)
        }
    }
}
