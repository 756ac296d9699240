import Foundation

extension GradientCheck {
    /// Plain Double forms of the forward computations, written apart from
    /// the Float kernels so a gradient check compares two implementations.
    enum Reference {
        /// f(x · W + b) row by row.
        static func dense(
            _ x: [Double], weights: [Double], bias: [Double], rows: Int,
            inputs: Int, activation: Activation
        ) -> [Double] {
            // x is (rows, inputs), weights (inputs, outputs), result
            // (rows, outputs).
            let outputs = bias.count
            var result = [Double](repeating: 0, count: rows * outputs)
            for row in 0..<rows {
                for unit in 0..<outputs {
                    var sum = bias[unit]
                    for feature in 0..<inputs {
                        sum += x[row * inputs + feature]
                            * weights[feature * outputs + unit]
                    }
                    result[row * outputs + unit] = activation.value(sum)
                }
            }
            return result
        }

        /// Mean over rows of -Σ target_j log softmax(z)_j, where the
        /// target is the one-hot label smoothed by `labelSmoothing`.
        static func meanCrossEntropy(
            logits: [Double], labels: [Int32], classes: Int,
            labelSmoothing: Double = 0
        ) -> Double {
            // logits are (rows, classes).
            var total = 0.0
            for (row, label) in labels.enumerated() {
                let z = logits[(row * classes)..<((row + 1) * classes)]
                let largest = z.max()!
                let logSum = log(z.reduce(0) { $0 + exp($1 - largest) })
                for (j, value) in z.enumerated() {
                    let target =
                        labelSmoothing / Double(classes)
                        + (j == Int(label) ? 1 - labelSmoothing : 0)
                    total += target * (logSum + largest - value)
                }
            }
            return total / Double(labels.count)
        }

        /// The mean loss of `outputs` against class labels.
        static func meanLoss(
            _ loss: Loss, outputs: [Double], labels: [Int32]
        ) -> Double {
            switch loss {
            case .softmaxCrossEntropy(let smoothing):
                meanCrossEntropy(
                    logits: outputs, labels: labels,
                    classes: outputs.count / labels.count,
                    labelSmoothing: Double(smoothing))
            case .binaryCrossEntropy:
                meanLoss(
                    loss, outputs: outputs,
                    targets: labels.map(Double.init))
            case .meanSquaredError:
                preconditionFailure("mean squared error takes targets")
            }
        }

        /// The mean loss of `outputs` against Float targets, written
        /// naively: -y log σ(z) - (1 - y) log(1 - σ(z)) and (y - t)².
        static func meanLoss(
            _ loss: Loss, outputs: [Double], targets: [Double]
        ) -> Double {
            var total = 0.0
            for (z, t) in zip(outputs, targets) {
                switch loss {
                case .binaryCrossEntropy:
                    let p = 1 / (1 + exp(-z))
                    total -= t * log(p) + (1 - t) * log(1 - p)
                case .meanSquaredError:
                    total += (z - t) * (z - t)
                case .softmaxCrossEntropy:
                    preconditionFailure("softmax cross-entropy takes labels")
                }
            }
            return total / Double(outputs.count)
        }
    }
}
