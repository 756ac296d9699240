import Foundation

/// Softmax followed by cross-entropy against class labels: the loss of
/// every Descent network.
///
/// Each row subtracts its maximum logit before exponentiating, so large
/// logits neither overflow nor lose the loss to rounding.
public enum SoftmaxCrossEntropy {
    /// The loss summed over `rows` rows; when `gradient` is given, also
    /// writes (softmax - onehot) × `gradientScale` into it.
    ///
    /// Pass 1 / batch size as `gradientScale` to get the gradient of the
    /// mean loss.
    public static func loss(
        logits: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>,
        rows: Int, classes: Int,
        gradient: UnsafeMutableBufferPointer<Float>? = nil,
        gradientScale: Float = 1
    ) -> Double {
        // logits and gradient are (rows, classes); labels is (rows).
        precondition(classes > 0, "softmax over \(classes) classes")
        precondition(
            logits.count >= rows * classes && labels.count >= rows,
            "\(rows) rows of \(classes) classes given \(logits.count) logits "
                + "and \(labels.count) labels")
        precondition(
            gradient.map { $0.count >= rows * classes } ?? true,
            "gradient buffer smaller than \(rows)×\(classes)")
        var total: Double = 0
        for row in 0..<rows {
            let start = row * classes
            let label = Int(labels[row])
            precondition(
                (0..<classes).contains(label),
                "label \(label) in row \(row) is outside 0..<\(classes); "
                    + "give the network one output per class of the data")

            var largest = logits[start]
            for j in 1..<classes { largest = max(largest, logits[start + j]) }
            var sum: Float = 0
            for j in 0..<classes { sum += exp(logits[start + j] - largest) }
            let logSum = log(sum)
            total += Double(logSum - (logits[start + label] - largest))

            guard let gradient else { continue }
            let scale = gradientScale / sum
            for j in 0..<classes {
                gradient[start + j] = exp(logits[start + j] - largest) * scale
            }
            gradient[start + label] -= gradientScale
        }
        return total
    }

    /// The mean loss over the rows of `logits` (rows × classes).
    public static func meanLoss(
        logits: [Float], labels: [Int32], classes: Int
    ) -> Float {
        precondition(
            logits.count == labels.count * classes,
            "\(logits.count) logits for \(labels.count) labels of "
                + "\(classes) classes")
        guard !labels.isEmpty else { return 0 }
        let total = logits.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                loss(logits: z, labels: y, rows: y.count, classes: classes)
            }
        }
        return Float(total / Double(labels.count))
    }

    /// The gradient of the mean loss with respect to the logits:
    /// (softmax - onehot) / rows.
    public static func meanLossGradient(
        logits: [Float], labels: [Int32], classes: Int
    ) -> [Float] {
        precondition(
            logits.count == labels.count * classes,
            "\(logits.count) logits for \(labels.count) labels of "
                + "\(classes) classes")
        var gradient = [Float](repeating: 0, count: logits.count)
        guard !labels.isEmpty else { return gradient }
        logits.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { g in
                    _ = loss(
                        logits: z, labels: y, rows: y.count, classes: classes,
                        gradient: g, gradientScale: 1 / Float(y.count))
                }
            }
        }
        return gradient
    }
}
