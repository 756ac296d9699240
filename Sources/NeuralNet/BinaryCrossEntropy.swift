import Foundation

/// Sigmoid followed by binary cross-entropy, on one logit per row (PyTorch
/// `BCEWithLogitsLoss`).
///
/// Each row's loss is max(z, 0) - z·y + log(1 + e^-|z|), which equals
/// -y log σ(z) - (1 - y) log(1 - σ(z)) but never takes the log of 0 or
/// overflows an exponential.
public enum BinaryCrossEntropy {
    /// The loss summed over `rows` rows against 0/1 class labels; when
    /// `gradient` is given, also writes (σ(z) - y) × `gradientScale`.
    public static func loss(
        logits: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>,
        rows: Int, gradient: UnsafeMutableBufferPointer<Float>? = nil,
        gradientScale: Float = 1
    ) -> Double {
        // logits, labels and gradient are (rows).
        precondition(
            logits.count >= rows && labels.count >= rows,
            "\(rows) rows given \(logits.count) logits and \(labels.count) "
                + "labels")
        return loss(
            logits: logits, rows: rows, gradient: gradient,
            gradientScale: gradientScale
        ) { row in
            let label = labels[row]
            precondition(
                label == 0 || label == 1,
                "label \(label) in row \(row) is not 0 or 1; binary "
                    + "cross-entropy needs two classes labelled 0 and 1")
            return Float(label)
        }
    }

    /// The loss summed over `rows` rows against targets in [0, 1]; when
    /// `gradient` is given, also writes (σ(z) - y) × `gradientScale`.
    public static func loss(
        logits: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>,
        rows: Int, gradient: UnsafeMutableBufferPointer<Float>? = nil,
        gradientScale: Float = 1
    ) -> Double {
        // logits, targets and gradient are (rows).
        precondition(
            logits.count >= rows && targets.count >= rows,
            "\(rows) rows given \(logits.count) logits and \(targets.count) "
                + "targets")
        return loss(
            logits: logits, rows: rows, gradient: gradient,
            gradientScale: gradientScale
        ) { targets[$0] }
    }

    private static func loss(
        logits: UnsafeBufferPointer<Float>, rows: Int,
        gradient: UnsafeMutableBufferPointer<Float>?, gradientScale: Float,
        target: (Int) -> Float
    ) -> Double {
        // logits and gradient are (rows).
        precondition(
            gradient.map { $0.count >= rows } ?? true,
            "gradient buffer smaller than \(rows) rows")
        var total: Double = 0
        for row in 0..<rows {
            let z = logits[row]
            let y = target(row)
            total += Double(max(z, 0) - z * y + log1p(exp(-abs(z))))
            gradient?[row] = (Activation.sigmoid(z) - y) * gradientScale
        }
        return total
    }

    /// The mean loss over `logits` (one per row) against `targets`.
    public static func meanLoss(logits: [Float], targets: [Float]) -> Float {
        precondition(
            logits.count == targets.count,
            "\(logits.count) logits for \(targets.count) targets")
        guard !logits.isEmpty else { return 0 }
        let total = logits.withUnsafeBufferPointer { z in
            targets.withUnsafeBufferPointer { y in
                loss(logits: z, targets: y, rows: z.count)
            }
        }
        return Float(total / Double(logits.count))
    }

    /// The gradient of the mean loss with respect to the logits:
    /// (σ(z) - y) / rows.
    public static func meanLossGradient(
        logits: [Float], targets: [Float]
    ) -> [Float] {
        precondition(
            logits.count == targets.count,
            "\(logits.count) logits for \(targets.count) targets")
        var gradient = [Float](repeating: 0, count: logits.count)
        guard !logits.isEmpty else { return gradient }
        logits.withUnsafeBufferPointer { z in
            targets.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { g in
                    _ = loss(
                        logits: z, targets: y, rows: z.count, gradient: g,
                        gradientScale: 1 / Float(z.count))
                }
            }
        }
        return gradient
    }
}
