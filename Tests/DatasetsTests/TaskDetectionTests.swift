import Datasets
import Foundation
import Testing

/// The task follows from the data when none is given.
@Suite struct TaskDetectionTests {
    /// The task `text` is read for when none is given.
    func detect(_ text: String) throws -> LearningTask {
        try CSVReader.parse(Data(text.utf8), file: "t.csv").task
    }

    /// A one-feature CSV whose labels are `labels`, one row each.
    func column(_ labels: [String]) -> String {
        labels.enumerated().map { "\($0),\($1)" }.joined(separator: "\n")
    }

    @Test func digitsAreClassification() throws {
        let digits = try DataLoader.load(
            "digits", validationFraction: 0.1, seed: 1)
        #expect(digits.task == .classification)
        #expect(digits.classNames == (0...9).map(String.init))
        #expect(digits.targetCount == 0 && digits.train.targets.isEmpty)
    }

    @Test func irisIsClassification() throws {
        let iris = try DataLoader.load("iris", validationFraction: 0.2, seed: 1)
        #expect(iris.task == .classification)
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
    }

    @Test func twoClassFilesAreBinary() throws {
        #expect(try detect(column(["yes", "no", "no", "yes"])) == .binary)
        #expect(try detect(column(["0", "1", "1", "0", "1"])) == .binary)
    }

    @Test func floatTargetIsRegression() throws {
        let table = try CSVReader.parse(
            Data(linearCSV(rows: 10).utf8), file: "linear.csv")
        #expect(table.task == .regression)
        #expect(table.dataset.targetCount == 1)
        #expect(table.dataset.labels.isEmpty)
        #expect(table.dataset.classNames.isEmpty)
        #expect(table.dataset.targets == (0..<10).map(linearTarget))
        #expect(table.labelName == "y" && table.featureNames == ["a", "b"])
    }

    @Test func oneFractionAmongIntegersMakesRegression() throws {
        #expect(try detect(column(["1", "2", "1", "2.5"])) == .regression)
    }

    @Test func integerTargetWithFiftyDistinctValuesIsRegression() throws {
        let labels = (0..<100).map { String(($0 * 37) % 50) }
        let table = try CSVReader.parse(
            Data(column(labels).utf8), file: "t.csv")
        #expect(table.task == .regression)
        #expect(table.dataset.targets == labels.map { Float($0)! })
    }

    @Test func twentyDistinctIntegersAreClassesAndTwentyOneAreNot() throws {
        let twenty = (0..<40).map { String($0 % 20) }
        let twentyOne = (0..<42).map { String($0 % 21) }
        #expect(try detect(column(twenty)) == .classification)
        #expect(try detect(column(twentyOne)) == .regression)
    }

    @Test func integersWrittenWithAPointAreStillIntegers() throws {
        #expect(try detect(column(["1.0", "2", "3.0"])) == .classification)
    }

    @Test func anyTextAmongNumbersMakesClassification() throws {
        let labels = (0..<60).map { $0 == 59 ? "n/a" : "\(Double($0) / 3)" }
        let table = try CSVReader.parse(
            Data(column(labels).utf8), file: "t.csv")
        #expect(table.task == .classification)
        #expect(table.dataset.classNames.count == 60)
        #expect(table.dataset.targets.isEmpty)
    }

    @Test func nonFiniteLabelsCountAsText() throws {
        #expect(try detect(column(["1.5", "nan", "2.5"])) == .classification)
    }

    @Test func idxDataIsClassificationEvenWithTwoClasses() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxImages(count: 20))
        try folder.write("train-labels-idx1-ubyte",
                         idxLabels((0..<20).map { UInt8($0 % 2) }))
        let splits = try DataLoader.load(
            folder.url.path, validationFraction: 0.25, seed: 2)
        #expect(splits.task == .classification)
        #expect(splits.classNames == ["0", "1"])
    }

    @Test func ruleTableMatchesTheDocumentedRule() {
        func task(_ numbers: Bool, _ integers: Bool, _ classes: Int) -> LearningTask {
            LearningTask.detected(
                labelsAreNumbers: numbers, labelsAreIntegers: integers,
                classCount: classes)
        }
        #expect(task(false, false, 2) == .binary)
        #expect(task(false, false, 3) == .classification)
        #expect(task(false, false, 500) == .classification)
        #expect(task(true, true, 2) == .binary)
        #expect(task(true, true, 20) == .classification)
        #expect(task(true, true, 21) == .regression)
        #expect(task(true, false, 2) == .regression)
        #expect(LearningTask.maximumIntegerClasses == 20)
    }

    @Test func tasksAreNamedAsUsersTypeThem() {
        #expect(LearningTask.allCases.map(\.rawValue)
            == ["classification", "binary", "regression"])
        #expect(LearningTask(rawValue: "regression") == .regression)
    }
}
