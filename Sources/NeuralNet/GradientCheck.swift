import Foundation

/// Finite-difference checks of the analytic gradients that backward passes
/// compute.
///
/// The numerical side runs an independent forward pass in Double (from
/// `Activation.value(_:)` and plain loops, not the Float kernels) and takes
/// central differences with a step of 1e-6, so its own error is near 1e-9;
/// what remains is the Float rounding of the analytic side, near 1e-6.
/// `tolerance` (1e-3 relative) therefore separates rounding from a wrong
/// derivative, which shows up as an error of order 1.
public enum GradientCheck {
    /// Central-difference step.
    public static let step: Double = 1e-6
    /// Largest relative error a correct gradient shows in these checks.
    public static let tolerance: Double = 1e-3
    /// Magnitude under which differences count as absolute: two gradients
    /// that are both nearly zero should not look far apart relatively.
    public static let relativeFloor: Double = 1e-4

    /// How far an analytic gradient lies from central differences.
    public struct Result: Sendable, Equatable, CustomStringConvertible {
        /// Values compared.
        public var checked: Int = 0
        /// Largest |analytic - numerical|.
        public var maxAbsoluteDifference: Double = 0
        /// Largest |analytic - numerical| / max(|analytic|, |numerical|,
        /// relativeFloor).
        public var maxRelativeError: Double = 0
        /// Where the largest relative error was found (-1 if none).
        public var worstIndex: Int = -1

        /// Whether every value is within `tolerance`.
        public var passes: Bool { maxRelativeError < GradientCheck.tolerance }

        /// A one-line summary, such as `24 values  max abs 3.1e-08  max rel
        /// 2.0e-06 at 7`.
        public var description: String {
            "\(checked) values  max abs "
                + String(format: "%.1e", maxAbsoluteDifference)
                + "  max rel " + String(format: "%.1e", maxRelativeError)
                + " at \(worstIndex)"
        }
    }

    /// The results for one layer's parameters and, when it was computed,
    /// its input.
    public struct LayerResult: Sendable, Equatable {
        /// dL/dW against central differences.
        public var weights: Result
        /// dL/db against central differences.
        public var bias: Result
        /// dL/dx against central differences, where it was computed.
        public var input: Result?

        /// Whether every checked gradient is within `tolerance`.
        public var passes: Bool {
            weights.passes && bias.passes && (input?.passes ?? true)
        }
    }

    /// Compares `analytic` with central differences of `loss` at `point`.
    public static func compare(
        analytic: [Float], at point: [Double], step: Double = step,
        loss: ([Double]) -> Double
    ) -> Result {
        precondition(
            analytic.count == point.count,
            "\(analytic.count) gradient values for \(point.count) parameters")
        var result = Result()
        var probe = point
        for index in point.indices {
            probe[index] = point[index] + step
            let above = loss(probe)
            probe[index] = point[index] - step
            let below = loss(probe)
            probe[index] = point[index]

            let numerical = (above - below) / (2 * step)
            let given = Double(analytic[index])
            let difference = abs(given - numerical)
            let scale = max(abs(given), abs(numerical), relativeFloor)
            result.checked += 1
            result.maxAbsoluteDifference =
                max(result.maxAbsoluteDifference, difference)
            if difference / scale > result.maxRelativeError
                || result.worstIndex < 0
            {
                result.maxRelativeError = difference / scale
                result.worstIndex = index
            }
        }
        return result
    }

    // MARK: - Softmax cross-entropy

    /// Checks `SoftmaxCrossEntropy.meanLossGradient` against the mean loss
    /// recomputed in Double.
    public static func softmaxCrossEntropy(
        logits: [Float], labels: [Int32], classes: Int
    ) -> Result {
        // logits are (rows, classes), labels are (rows).
        let analytic = SoftmaxCrossEntropy.meanLossGradient(
            logits: logits, labels: labels, classes: classes)
        return compare(analytic: analytic, at: logits.map(Double.init)) {
            Reference.meanCrossEntropy(
                logits: $0, labels: labels, classes: classes)
        }
    }

    /// Checks the label-smoothed gradient against the smoothed mean loss
    /// recomputed in Double.
    public static func softmaxCrossEntropy(
        logits: [Float], labels: [Int32], classes: Int, labelSmoothing: Float
    ) -> Result {
        // logits are (rows, classes), labels are (rows).
        let analytic = SoftmaxCrossEntropy.meanLossGradient(
            logits: logits, labels: labels, classes: classes,
            labelSmoothing: labelSmoothing)
        return compare(analytic: analytic, at: logits.map(Double.init)) {
            Reference.meanLoss(
                .softmaxCrossEntropy(labelSmoothing: labelSmoothing),
                outputs: $0, labels: labels)
        }
    }

    // MARK: - Binary cross-entropy and mean squared error

    /// Checks `BinaryCrossEntropy.meanLossGradient` against the mean loss
    /// recomputed in Double from σ and logarithms.
    public static func binaryCrossEntropy(
        logits: [Float], targets: [Float]
    ) -> Result {
        // logits and targets are (rows).
        let analytic = BinaryCrossEntropy.meanLossGradient(
            logits: logits, targets: targets)
        let t = targets.map(Double.init)
        return compare(analytic: analytic, at: logits.map(Double.init)) {
            Reference.meanLoss(.binaryCrossEntropy, outputs: $0, targets: t)
        }
    }

    /// Checks `MeanSquaredError.meanLossGradient` against the mean loss
    /// recomputed in Double.
    public static func meanSquaredError(
        outputs: [Float], targets: [Float]
    ) -> Result {
        // outputs and targets are (rows × outputs), flat.
        let analytic = MeanSquaredError.meanLossGradient(
            outputs: outputs, targets: targets)
        let t = targets.map(Double.init)
        return compare(analytic: analytic, at: outputs.map(Double.init)) {
            Reference.meanLoss(.meanSquaredError, outputs: $0, targets: t)
        }
    }

    // MARK: - One dense layer

    /// Checks one dense layer's weight, bias and input gradients under the
    /// loss L = Σ c ⊙ f(x · W + b), with x, W, b and c drawn from
    /// `generator`.
    public static func denseLayer(
        activation: Activation, inputs: Int, outputs: Int, rows: Int,
        generator: inout SeededGenerator
    ) -> LayerResult {
        // x and dx are (rows, inputs), W is (inputs, outputs), b is
        // (outputs), c and a are (rows, outputs).
        let layer = DenseLayer(
            inputs: inputs, outputs: outputs, activation: activation,
            maxBatch: rows)
        func draw(_ count: Int, scale: Float) -> [Float] {
            (0..<count).map { _ in scale * generator.nextNormal() }
        }
        let x = draw(rows * inputs, scale: 1)
        layer.weights = draw(inputs * outputs, scale: 0.5)
        layer.bias = draw(outputs, scale: 0.5)
        let c = draw(rows * outputs, scale: 1)

        var inputGradient = [Float](repeating: 0, count: rows * inputs)
        x.withUnsafeBufferPointer { x in
            layer.forward(x, count: rows)
            _ = layer.delta.update(fromContentsOf: c)
            inputGradient.withUnsafeMutableBufferPointer { dx in
                layer.backward(input: x, count: rows, inputDelta: dx)
            }
        }

        let xs = x.map(Double.init)
        let ws = layer.weights.map(Double.init)
        let bs = layer.bias.map(Double.init)
        let cs = c.map(Double.init)
        func loss(_ x: [Double], _ w: [Double], _ b: [Double]) -> Double {
            let a = Reference.dense(
                x, weights: w, bias: b, rows: rows, inputs: inputs,
                activation: activation)
            return zip(a, cs).reduce(0) { $0 + $1.0 * $1.1 }
        }
        return LayerResult(
            weights: compare(analytic: layer.weightGradient, at: ws) {
                loss(xs, $0, bs)
            },
            bias: compare(analytic: layer.biasGradient, at: bs) {
                loss(xs, ws, $0)
            },
            input: compare(analytic: inputGradient, at: xs) {
                loss($0, ws, bs)
            })
    }

    // MARK: - A whole network

    /// Runs `trainingStep` on the rows, then checks every layer's stored
    /// weight and bias gradients.
    public static func network(
        _ network: Network, inputs: [Float], labels: [Int32]
    ) -> [LayerResult] {
        _ = inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                network.trainingStep(inputs: x, labels: y, count: y.count)
            }
        }
        return storedGradients(of: network, inputs: inputs, labels: labels)
    }

    /// Runs `trainingStep` with Float targets, then checks every layer's
    /// stored weight and bias gradients.
    public static func network(
        _ network: Network, inputs: [Float], targets: [Float]
    ) -> [LayerResult] {
        _ = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                network.trainingStep(
                    inputs: x, targets: t,
                    count: t.count / network.outputSize)
            }
        }
        return storedGradients(of: network, inputs: inputs, targets: targets)
    }

    /// Checks the weight and bias gradients the network holds now against
    /// central differences of its mean loss on these rows.
    ///
    /// Dropout stages apply the masks of the last training pass, so a
    /// network with dropout must be checked on at most `maxBatch` rows.
    public static func storedGradients(
        of network: Network, inputs: [Float], labels: [Int32]
    ) -> [LayerResult] {
        storedGradients(of: network, inputs: inputs, rows: labels.count) {
            Reference.meanLoss(network.loss, outputs: $0, labels: labels)
        }
    }

    /// Checks the stored gradients against central differences of the
    /// network's mean loss with Float targets (rows × outputSize).
    public static func storedGradients(
        of network: Network, inputs: [Float], targets: [Float]
    ) -> [LayerResult] {
        let t = targets.map(Double.init)
        return storedGradients(
            of: network, inputs: inputs,
            rows: targets.count / network.outputSize
        ) { Reference.meanLoss(network.loss, outputs: $0, targets: t) }
    }

    private static func storedGradients(
        of network: Network, inputs: [Float], rows: Int,
        meanLoss: ([Double]) -> Double
    ) -> [LayerResult] {
        let weights = network.layers.map { $0.weights.map(Double.init) }
        let biases = network.layers.map { $0.bias.map(Double.init) }
        let activations = network.layers.map(\.activation)
        let masks = network.layers.indices.map { index in
            network.dropoutsBefore[index].map { stage in
                let dropout = network.dropouts[stage]
                return dropout.keptValues(rows: rows).map {
                    $0 ? 1 / (1 - Double(dropout.rate)) : 0
                }
            }
        }
        let x = inputs.map(Double.init)
        func loss(weights: [[Double]], biases: [[Double]]) -> Double {
            var values = x
            for index in weights.indices {
                for mask in masks[index] {
                    values = zip(values, mask).map { $0 * $1 }
                }
                values = Reference.dense(
                    values, weights: weights[index], bias: biases[index],
                    rows: rows, inputs: values.count / rows,
                    activation: activations[index])
            }
            return meanLoss(values)
        }
        return network.layers.indices.map { index in
            let layer = network.layers[index]
            let weightResult = compare(
                analytic: layer.weightGradient, at: weights[index]
            ) { probe in
                var changed = weights
                changed[index] = probe
                return loss(weights: changed, biases: biases)
            }
            let biasResult = compare(
                analytic: layer.biasGradient, at: biases[index]
            ) { probe in
                var changed = biases
                changed[index] = probe
                return loss(weights: weights, biases: changed)
            }
            return LayerResult(weights: weightResult, bias: biasResult)
        }
    }
}
