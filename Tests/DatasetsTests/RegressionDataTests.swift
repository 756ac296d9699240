@testable import Datasets
import Foundation
import Testing

/// Regression targets travel with their rows, unscaled.
@Suite struct RegressionDataTests {
    /// `linearCSV(rows:)` written to a fresh folder.
    func linearFile(rows: Int) throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let file = try folder.write("linear.csv", text: linearCSV(rows: rows))
        return (folder, file)
    }

    @Test func splitsCarryTargetsExactly() throws {
        let (folder, file) = try linearFile(rows: 40)
        defer { folder.remove() }
        let splits = try DataLoader.load(
            file.path, validationFraction: 0.2, seed: 6)
        let table = try CSVReader.read(contentsOf: file)
        let plan = try SplitPlan(
            count: 40, validationFraction: 0.2, holdOutTest: true, seed: 6,
            name: "linear.csv")

        #expect(splits.task == .regression && splits.targetCount == 1)
        #expect(splits.train.targets
            == table.dataset.subset(plan.train).targets)
        #expect(splits.validation.targets
            == table.dataset.subset(plan.validation).targets)
        #expect(splits.test?.targets
            == table.dataset.subset(plan.test!).targets)
        #expect(splits.train.count == 24 && splits.validation.count == 8)
        #expect(splits.test?.count == 8)
    }

    @Test func eachTargetStaysWithItsFeatures() throws {
        let (folder, file) = try linearFile(rows: 30)
        defer { folder.remove() }
        let splits = try DataLoader.load(
            file.path, validationFraction: 0.2, seed: 13)
        let scaling = try #require(splits.standardization)
        var seen: [Float] = []
        for set in [splits.train, splits.validation, splits.test!] {
            for row in 0..<set.count {
                // Undo the scaling; a is a multiple of 1/4, b an integer.
                let x = Array(set.row(row))
                let a = ((x[0] * scaling.standardDeviation[0]
                    + scaling.mean[0]) * 4).rounded() / 4
                let b = (x[1] * scaling.standardDeviation[1]
                    + scaling.mean[1]).rounded()
                #expect(set.targetRow(row) == [2 * a - b + 0.5])
                seen.append(set.targets[row])
            }
        }
        #expect(seen.sorted() == (0..<30).map(linearTarget).sorted())
    }

    @Test func featuresAreStandardisedButTargetsAreNot() throws {
        let (folder, file) = try linearFile(rows: 40)
        defer { folder.remove() }
        let splits = try DataLoader.load(
            file.path, validationFraction: 0.2, seed: 6)
        let train = splits.train
        let mean = (0..<train.count).map { train.row($0).first! }
            .reduce(0, +) / Float(train.count)
        #expect(abs(mean) < 1e-5)
        let raw = try CSVReader.read(contentsOf: file).dataset
        #expect(Set(train.targets).isSubset(of: Set(raw.targets)))
        #expect(train.targets.contains { abs($0) > 3 })
    }

    @Test func sameSeedGivesTheSameRegressionSplits() throws {
        let (folder, file) = try linearFile(rows: 50)
        defer { folder.remove() }
        func load(_ seed: UInt64) throws -> DataSplits {
            try DataLoader.load(file.path, validationFraction: 0.1, seed: seed)
        }
        let (a, b, c) = (try load(21), try load(21), try load(22))
        #expect(a.train == b.train && a.validation == b.validation)
        #expect(a.test == b.test && a.task == b.task)
        #expect(a.standardization == b.standardization)
        #expect(a.validation.targets != c.validation.targets)
    }

    @Test func subsetGathersTargetRows() {
        let set = Dataset(
            features: [1, 2, 3], featureCount: 1,
            targets: [10, 11, 20, 21, 30, 31], targetCount: 2)
        #expect(set.count == 3 && set.isRegression)
        let picked = set.subset([2, 0, 2])
        #expect(picked.targets == [30, 31, 10, 11, 30, 31])
        #expect(picked.features == [3, 1, 3])
        #expect(picked.labels.isEmpty && picked.count == 3)
        #expect(Array(picked.targetRow(1)) == [10, 11])
        #expect(set.subset([]).count == 0)
    }

    @Test func standardisationLeavesTargetsAlone() {
        let set = Dataset(
            features: [1, 3], featureCount: 1, targets: [100, -7],
            targetCount: 1)
        let scaled = Standardization(fitting: set).apply(to: set)
        #expect(scaled.features == [-1, 1])
        #expect(scaled.targets == [100, -7])
    }

    @Test func splitsInferTheirTaskFromTheData() {
        let numbers = Dataset(
            features: [1, 2], featureCount: 1, targets: [5, 6],
            targetCount: 1)
        let classes = Dataset(
            features: [1, 2], labels: [0, 1], featureCount: 1,
            classNames: ["a", "b"])
        func splits(_ set: Dataset, _ task: LearningTask?) -> DataSplits {
            DataSplits(
                name: "n", source: "s", train: set, validation: set,
                test: nil, task: task)
        }
        #expect(splits(numbers, nil).task == .regression)
        #expect(splits(classes, nil).task == .classification)
        #expect(splits(classes, .binary).task == .binary)
        let table = CSVTable(
            dataset: numbers, featureNames: nil, labelName: nil,
            labelColumn: 2)
        #expect(table.task == .regression)
    }

    @Test func classificationDataHasNoTargets() {
        let set = Dataset(
            features: [1, 2], labels: [1, 0], featureCount: 1,
            classNames: ["a", "b"])
        #expect(set.targets.isEmpty && set.targetCount == 0)
        #expect(!set.isRegression && set.count == 2)
        #expect(set.subset([1]).targets.isEmpty)
    }
}
