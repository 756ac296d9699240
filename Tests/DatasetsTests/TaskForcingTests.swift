import Datasets
import Foundation
import Testing

/// A given task overrides the rule, and says exactly why when it cannot.
@Suite struct TaskForcingTests {
    func parse(_ text: String, task: LearningTask?) throws -> CSVTable {
        try CSVReader.parse(Data(text.utf8), file: "t.csv", task: task)
    }

    @Test func classificationCanBeForcedOnAFloatTarget() throws {
        let table = try parse("1,2.5\n2,0.5\n3,2.5\n", task: .classification)
        #expect(table.task == .classification)
        #expect(table.dataset.classNames == ["0.5", "2.5"])
        #expect(table.dataset.labels == [1, 0, 1])
        #expect(table.dataset.targets.isEmpty)
    }

    @Test func classificationCanBeForcedOnTwoClasses() throws {
        let table = try parse("1,a\n2,b\n", task: .classification)
        #expect(table.task == .classification)
        #expect(table.dataset.labels == [0, 1])
    }

    @Test func binaryCanBeForcedOnTwoNumericClasses() throws {
        let table = try parse("1,10\n2,20\n3,10\n", task: .binary)
        #expect(table.task == .binary)
        #expect(table.dataset.classNames == ["10", "20"])
        #expect(table.dataset.labels == [0, 1, 0])
    }

    @Test func regressionCanBeForcedOnIntegerClasses() throws {
        let table = try parse("h,label\n1,3\n2,-1\n3,3\n", task: .regression)
        #expect(table.task == .regression)
        #expect(table.dataset.targets == [3, -1, 3])
        #expect(table.dataset.targetCount == 1)
        #expect(table.dataset.labels.isEmpty)
        #expect(table.dataset.classNames.isEmpty)
        #expect(table.dataset.count == 3)
    }

    @Test func regressionOnTextNamesTheFileLineAndValue() throws {
        let message = errorMessage {
            try DataLoader.load(
                "iris", task: .regression, validationFraction: 0.2, seed: 1)
        }
        #expect(message == "iris.csv line 2, column 5 (species): \"setosa\" "
            + "is not a number, so it cannot be a regression target. Fix "
            + "the value, or train this column as classification.")
    }

    @Test func regressionOnANonFiniteTargetSaysSo() throws {
        let text = "1,2.5\n2,1.5\n3,inf\n"
        #expect(errorMessage { try parse(text, task: .regression) }
            == "t.csv line 3, column 2: \"inf\" is not a finite number, so "
            + "it cannot be a regression target. Fix the value, or train "
            + "this column as classification.")
    }

    @Test func regressionErrorCarriesItsKindAndPlace() throws {
        do {
            _ = try parse("x,y\n1,2\n2,oops\n", task: .regression)
            Issue.record("no error")
        } catch let error as DatasetError {
            #expect(error.kind == .taskMismatch)
            #expect(error.file == "t.csv")
            #expect(error.line == 3 && error.column == 2)
        } catch {
            Issue.record("not a DatasetError: \(error)")
        }
    }

    @Test func binaryOnThreeClassesNamesThem() throws {
        let message = errorMessage {
            try DataLoader.load(
                "iris", task: .binary, validationFraction: 0.2, seed: 1)
        }
        #expect(message == "iris.csv: binary classification needs exactly 2 "
            + "classes, but the labels hold 3 classes: setosa, versicolor, "
            + "virginica. Train it as classification, or choose a label "
            + "column with two values.")
    }

    @Test func binaryOnOneClassNamesIt() throws {
        #expect(errorMessage { try parse("1,yes\n2,yes\n", task: .binary) }
            == "t.csv: binary classification needs exactly 2 classes, but "
            + "the labels hold 1 class: yes. Train it as classification, "
            + "or choose a label column with two values.")
    }

    @Test func binaryOnManyClassesListsTheFirstTen() throws {
        let text = (0..<50).map { "\($0),\($0 * 2)" }
            .joined(separator: "\n")
        #expect(errorMessage { try parse(text, task: .binary) }
            == "t.csv: binary classification needs exactly 2 classes, but "
            + "the labels hold 50 classes: 0, 2, 4, 6, 8, 10, 12, 14, 16, "
            + "18 and 40 more. Train it as classification, or choose a "
            + "label column with two values.")
    }

    @Test func regressionOnIDXTakesEachLabelAsItsTarget() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxImages(count: 12))
        try folder.write("train-labels-idx1-ubyte",
                         idxLabels((0..<12).map { UInt8($0 % 5) }))
        let splits = try DataLoader.load(
            folder.url.path, task: .regression, validationFraction: 0.25,
            seed: 3)
        #expect(splits.task == .regression)
        #expect(splits.targetCount == 1 && splits.classNames.isEmpty)
        for set in [splits.train, splits.validation, splits.test!] {
            #expect(set.labels.isEmpty)
            // idxImages counts pixels up by one, four per image, so the
            // first pixel names the image and the image names its label.
            for row in 0..<set.count {
                let image = Int((set.row(row).first! * 255).rounded()) / 4
                #expect(set.targets[row] == Float(image % 5))
            }
        }
        #expect(splits.train.count + splits.validation.count
            + splits.test!.count == 12)
    }

    @Test func binaryOnIDXWithTenClassesNamesThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxImages(count: 10))
        try folder.write("train-labels-idx1-ubyte",
                         idxLabels((0..<10).map { UInt8($0) }))
        let message = errorMessage {
            try DataLoader.load(
                folder.url.path, task: .binary, validationFraction: 0.2,
                seed: 1)
        }
        #expect(message == "\(folder.url.lastPathComponent): binary "
            + "classification needs exactly 2 classes, but the labels hold "
            + "10 classes: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9. Train it as "
            + "classification, or choose a label column with two values.")
    }

    @Test func binaryOnIDXWithTwoClassesIsAccepted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxImages(count: 10))
        try folder.write("train-labels-idx1-ubyte",
                         idxLabels((0..<10).map { UInt8($0 % 2) }))
        let splits = try DataLoader.load(
            folder.url.path, task: .binary, validationFraction: 0.2, seed: 1)
        #expect(splits.task == .binary)
        #expect(splits.classNames == ["0", "1"])
    }
}
