import Foundation

/// Softmax followed by cross-entropy against class labels, with optional
/// label smoothing as in PyTorch's `CrossEntropyLoss`: the target puts
/// 1 - ε + ε/K on the label and ε/K on each of the K classes.
///
/// Each row subtracts its maximum logit before exponentiating, so large
/// logits neither overflow nor lose the loss to rounding.
public enum SoftmaxCrossEntropy {
    /// The loss summed over `rows` rows; when `gradient` is given, also
    /// writes (softmax - target) × `gradientScale` into it, where target is
    /// the smoothed one-hot row.
    ///
    /// Pass 1 / batch size as `gradientScale` to get the gradient of the
    /// mean loss.
    public static func loss(
        logits: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>,
        rows: Int, classes: Int,
        gradient: UnsafeMutableBufferPointer<Float>? = nil,
        gradientScale: Float = 1, labelSmoothing: Float = 0
    ) -> Double {
        // logits and gradient are (rows, classes); labels is (rows).
        precondition(classes > 0, "softmax over \(classes) classes")
        precondition(
            labelSmoothing >= 0 && labelSmoothing <= 1,
            "label smoothing \(labelSmoothing); use a value in [0, 1]")
        let spread = labelSmoothing / Float(classes)
        let onLabel = 1 - labelSmoothing
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
            var shiftedSum: Float = 0
            for j in 0..<classes {
                sum += exp(logits[start + j] - largest)
                shiftedSum += logits[start + j] - largest
            }
            let logSum = log(sum)
            // -Σ target_j log p_j with log p_j = z_j - largest - logSum.
            let labelTerm = logSum - (logits[start + label] - largest)
            var rowLoss = onLabel * labelTerm
            if labelSmoothing > 0 {
                rowLoss += spread * (Float(classes) * logSum - shiftedSum)
            }
            total += Double(rowLoss)

            guard let gradient else { continue }
            let scale = gradientScale / sum
            for j in 0..<classes {
                gradient[start + j] =
                    exp(logits[start + j] - largest) * scale
                    - spread * gradientScale
            }
            gradient[start + label] -= onLabel * gradientScale
        }
        return total
    }

    /// The mean loss over the rows of `logits` (rows × classes).
    public static func meanLoss(
        logits: [Float], labels: [Int32], classes: Int,
        labelSmoothing: Float = 0
    ) -> Float {
        precondition(
            logits.count == labels.count * classes,
            "\(logits.count) logits for \(labels.count) labels of "
                + "\(classes) classes")
        guard !labels.isEmpty else { return 0 }
        let total = logits.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                loss(
                    logits: z, labels: y, rows: y.count, classes: classes,
                    labelSmoothing: labelSmoothing)
            }
        }
        return Float(total / Double(labels.count))
    }

    /// The gradient of the mean loss with respect to the logits:
    /// (softmax - target) / rows.
    public static func meanLossGradient(
        logits: [Float], labels: [Int32], classes: Int,
        labelSmoothing: Float = 0
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
                        gradient: g, gradientScale: 1 / Float(y.count),
                        labelSmoothing: labelSmoothing)
                }
            }
        }
        return gradient
    }
}
