/// The label column of a CSV file as its rows are read, and the data set
/// it makes once the task is known.
struct CSVLabels {
    /// The task asked for; nil to let the labels decide.
    private let task: LearningTask?
    /// Rows read so far.
    private(set) var rowCount = 0
    /// The labels as written; not kept when regression is forced.
    private var texts: [String] = []
    /// The labels as numbers, kept while every label is one.
    private var values: [Float] = []
    private var allNumbers = true
    private var allIntegers = true

    init(rowCapacity: Int, task: LearningTask?) {
        self.task = task
        if task != .regression { texts.reserveCapacity(rowCapacity) }
        values.reserveCapacity(rowCapacity)
    }

    /// Adds the label of one row: `text` as written and `value`, its
    /// number (nil when it is not one). The rest names the cell in errors.
    mutating func append(
        _ text: String, value: Float?, file: String, line: Int, column: Int,
        name: String?
    ) throws(DatasetError) {
        rowCount += 1
        if task != .regression { texts.append(text) }
        guard allNumbers else { return }
        if let value, value.isFinite {
            values.append(value)
            if value.rounded() != value { allIntegers = false }
        } else if task == .regression {
            throw .notATarget(
                file, line: line, column: column, name: name, text: text,
                isNonFinite: Float(text) != nil)
        } else {
            allNumbers = false
            allIntegers = false
            values = []
        }
    }

    /// The rows with `features` (rowCount × featureCount), and the task
    /// they are read for.
    func dataset(
        features: [Float], featureCount: Int, file: String
    ) throws(DatasetError) -> (Dataset, LearningTask) {
        // A fraction in an all-numeric column settles the rule at once;
        // counting the distinct values of a large column would cost time.
        let isQuantity = allNumbers && !allIntegers
        if task == .regression || (task == nil && isQuantity) {
            return (regression(features, featureCount), .regression)
        }

        let classes = Self.classes(of: texts)
        let resolved = task ?? LearningTask.detected(
            labelsAreNumbers: allNumbers, labelsAreIntegers: allIntegers,
            classCount: classes.names.count)
        if resolved == .regression {
            return (regression(features, featureCount), .regression)
        }
        guard resolved != .binary || classes.names.count == 2 else {
            throw .binaryNeedsTwoClasses(file, classNames: classes.names)
        }
        let dataset = Dataset(
            unchecked: features,
            labels: texts.map { Int32(classes.index[$0]!) },
            featureCount: featureCount, classNames: classes.names)
        return (dataset, resolved)
    }

    /// The rows with the labels as one target each.
    private func regression(
        _ features: [Float], _ featureCount: Int
    ) -> Dataset {
        Dataset(
            unchecked: features, labels: [], featureCount: featureCount,
            classNames: [], targets: values, targetCount: 1)
    }

    /// Class names in order, and the class index of each distinct label.
    private static func classes(
        of labels: [String]
    ) -> (names: [String], index: [String: Int]) {
        var distinct: [String] = []
        var seen: Set<String> = []
        for label in labels where seen.insert(label).inserted {
            distinct.append(label)
        }
        let values = distinct.map { Double($0) }
        let names: [String]
        if values.allSatisfy({ $0?.isFinite == true }) {
            names = zip(distinct, values)
                .sorted { ($0.1!, $0.0) < ($1.1!, $1.0) }
                .map(\.0)
        } else {
            names = distinct.sorted()
        }
        let index = Dictionary(
            uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return (names, index)
    }
}

