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

        /// Mean over rows of -log softmax(z)[label].
        static func meanCrossEntropy(
            logits: [Double], labels: [Int32], classes: Int
        ) -> Double {
            // logits are (rows, classes).
            var total = 0.0
            for (row, label) in labels.enumerated() {
                let z = logits[(row * classes)..<((row + 1) * classes)]
                let largest = z.max()!
                let sum = z.reduce(0) { $0 + exp($1 - largest) }
                total += log(sum) + largest - z[z.startIndex + Int(label)]
            }
            return total / Double(labels.count)
        }
    }
}
