/// How a classifier did on a labelled set: the confusion matrix and, per
/// class, precision and recall.
public struct ClassificationReport: Sendable, Equatable {
    /// Class names, in label order.
    public let classNames: [String]
    /// `matrix[actual][predicted]` counts samples.
    public let matrix: [[Int]]

    /// Tallies predictions against labels.
    public init(classNames: [String], labels: [Int32], predictions: [Int]) {
        precondition(labels.count == predictions.count,
            "\(labels.count) labels but \(predictions.count) predictions")
        self.classNames = classNames
        var matrix = Array(
            repeating: Array(repeating: 0, count: classNames.count),
            count: classNames.count)
        for (label, prediction) in zip(labels, predictions) {
            matrix[Int(label)][prediction] += 1
        }
        self.matrix = matrix
    }

    /// Samples counted.
    public var total: Int { matrix.joined().reduce(0, +) }

    /// Fraction predicted right.
    public var accuracy: Double {
        let right = matrix.indices.map { matrix[$0][$0] }.reduce(0, +)
        return total == 0 ? 0 : Double(right) / Double(total)
    }

    /// Of the samples predicted as `index`, the fraction that are; nil
    /// when nothing was predicted as it.
    public func precision(of index: Int) -> Double? {
        let predicted = matrix.map { $0[index] }.reduce(0, +)
        return predicted == 0
            ? nil : Double(matrix[index][index]) / Double(predicted)
    }

    /// Of the samples of class `index`, the fraction found; nil when the
    /// set has none.
    public func recall(of index: Int) -> Double? {
        let actual = matrix[index].reduce(0, +)
        return actual == 0
            ? nil : Double(matrix[index][index]) / Double(actual)
    }

    /// The report as text: a line per class, then the matrix with actual
    /// classes as rows.
    public var text: String {
        let nameWidth = max(5, classNames.map(\.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        func percent(_ value: Double?) -> String {
            value.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        }
        var lines = [pad("class", nameWidth) + "  precision     recall  samples"]
        for (index, name) in classNames.enumerated() {
            lines.append(pad(name, nameWidth)
                + pad(percent(precision(of: index)), 11)
                + pad(percent(recall(of: index)), 11)
                + pad("\(matrix[index].reduce(0, +))", 9))
        }
        let cell = max(4, String(matrix.joined().max() ?? 0).count + 1,
            (classNames.map(\.count).max() ?? 0) + 1)
        lines.append("")
        lines.append("confusion matrix (rows: actual, columns: predicted)")
        lines.append(pad("", nameWidth)
            + classNames.map { pad($0, cell) }.joined())
        for (index, name) in classNames.enumerated() {
            lines.append(pad(name, nameWidth)
                + matrix[index].map { pad("\($0)", cell) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}
