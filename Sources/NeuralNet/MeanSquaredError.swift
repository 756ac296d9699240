/// Squared error between outputs and targets, for regression (PyTorch
/// `MSELoss`, mean over every element).
public enum MeanSquaredError {
    /// The squared error summed over `count` values; when `gradient` is
    /// given, also writes 2 (y - t) × `gradientScale` into it.
    ///
    /// Pass 1 / (rows × outputs) as `gradientScale` to get the gradient of
    /// the mean loss.
    public static func loss(
        outputs: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Float>, count: Int,
        gradient: UnsafeMutableBufferPointer<Float>? = nil,
        gradientScale: Float = 1
    ) -> Double {
        // outputs, targets and gradient are (count), rows × outputs flat.
        precondition(
            outputs.count >= count && targets.count >= count,
            "\(count) values given \(outputs.count) outputs and "
                + "\(targets.count) targets")
        precondition(
            gradient.map { $0.count >= count } ?? true,
            "gradient buffer smaller than \(count) values")
        var total: Double = 0
        for i in 0..<count {
            let difference = outputs[i] - targets[i]
            total += Double(difference * difference)
            gradient?[i] = 2 * difference * gradientScale
        }
        return total
    }

    /// The mean squared error over all values.
    public static func meanLoss(outputs: [Float], targets: [Float]) -> Float {
        precondition(
            outputs.count == targets.count,
            "\(outputs.count) outputs for \(targets.count) targets")
        guard !outputs.isEmpty else { return 0 }
        let total = outputs.withUnsafeBufferPointer { y in
            targets.withUnsafeBufferPointer { t in
                loss(outputs: y, targets: t, count: y.count)
            }
        }
        return Float(total / Double(outputs.count))
    }

    /// The gradient of the mean loss: 2 (y - t) / count.
    public static func meanLossGradient(
        outputs: [Float], targets: [Float]
    ) -> [Float] {
        precondition(
            outputs.count == targets.count,
            "\(outputs.count) outputs for \(targets.count) targets")
        var gradient = [Float](repeating: 0, count: outputs.count)
        guard !outputs.isEmpty else { return gradient }
        outputs.withUnsafeBufferPointer { y in
            targets.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    _ = loss(
                        outputs: y, targets: t, count: y.count, gradient: g,
                        gradientScale: 1 / Float(y.count))
                }
            }
        }
        return gradient
    }
}
