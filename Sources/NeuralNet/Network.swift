/// A multi-layer perceptron ending in a linear layer + softmax cross-entropy.
///
/// Not thread-safe: one queue drives a network at a time.
public final class Network {
    /// Features per input row.
    public let inputSize: Int
    /// Classes, one output unit each.
    public let outputSize: Int
    /// Rows one pass handles without allocating; larger batches run in
    /// chunks of this size.
    public let maxBatch: Int
    /// The dense layers, input side first; the last is the linear output.
    public let layers: [DenseLayer]

    /// Creates a network with freshly initialised weights and zero biases.
    ///
    /// - Parameters:
    ///   - hidden: the hidden layers; the output layer (`outputs` units,
    ///     linear, softmax cross-entropy loss) is added.
    ///   - initialization: for every layer; nil means He for ReLU layers
    ///     and Xavier (Glorot uniform) for the others and the output.
    ///   - maxBatch: rows the work buffers are allocated for, once.
    ///   - generator: draws the weights layer by layer, row-major.
    public init(
        inputSize: Int, hidden: [LayerSpec], outputs: Int,
        initialization: Initialization?, maxBatch: Int,
        generator: inout SeededGenerator
    ) {
        precondition(
            inputSize > 0 && outputs > 0,
            "a network of \(inputSize) inputs and \(outputs) outputs; "
                + "both must be at least 1")
        self.inputSize = inputSize
        self.outputSize = outputs
        self.maxBatch = maxBatch

        let specs = hidden + [LayerSpec(units: outputs, activation: .linear)]
        var fanIn = inputSize
        var layers: [DenseLayer] = []
        for spec in specs {
            let layer = DenseLayer(
                inputs: fanIn, outputs: spec.units,
                activation: spec.activation, maxBatch: maxBatch)
            let scheme =
                initialization ?? Initialization.standard(for: spec.activation)
            layer.weights.withUnsafeMutableBufferPointer { w in
                scheme.fill(
                    w, fanIn: fanIn, fanOut: spec.units, generator: &generator)
            }
            layers.append(layer)
            fanIn = spec.units
        }
        self.layers = layers
    }

    // MARK: - Training

    /// Forward pass, softmax cross-entropy, backward pass for `count` rows
    /// of `inputs` (count × inputSize, row-major) with class labels; leaves
    /// the mean-loss gradients in each layer; returns the mean loss.
    ///
    /// No heap allocation when count <= maxBatch. No input gradient is
    /// computed for the first layer. Larger batches run in chunks of
    /// `maxBatch` rows whose gradients add up to the same mean.
    public func trainingStep(
        inputs: UnsafeBufferPointer<Float>,
        labels: UnsafeBufferPointer<Int32>, count: Int
    ) -> Float {
        // inputs is (count, inputSize), labels is (count).
        precondition(count > 0, "a training step needs at least one row")
        checkRows(inputs: inputs.count, labels: labels.count, rows: count)
        let scale = 1 / Float(count)
        var total: Double = 0
        var start = 0
        while start < count {
            let rows = min(maxBatch, count - start)
            let x = inputs.rows(start..<(start + rows), width: inputSize)
            let y = labels.rows(start..<(start + rows), width: 1)
            forward(x, count: rows)
            let output = layers[layers.count - 1]
            total += SoftmaxCrossEntropy.loss(
                logits: UnsafeBufferPointer(output.output), labels: y,
                rows: rows, classes: outputSize,
                gradient: output.delta, gradientScale: scale)
            backward(x, count: rows, accumulate: start > 0)
            start += rows
        }
        return Float(total / Double(count))
    }

    // Leaves the logits in the last layer's output buffer.
    func forward(_ inputs: UnsafeBufferPointer<Float>, count: Int) {
        // inputs is (count, inputSize); logits are (count, outputSize).
        layers[0].forward(inputs, count: count)
        for index in 1..<layers.count {
            let previous = layers[index - 1]
            layers[index].forward(
                UnsafeBufferPointer(previous.output), count: count)
        }
    }

    // Expects dL/dlogits in the last layer's delta buffer.
    private func backward(
        _ inputs: UnsafeBufferPointer<Float>, count: Int, accumulate: Bool
    ) {
        // inputs is (count, inputSize); each delta is (count, units).
        for index in stride(from: layers.count - 1, to: 0, by: -1) {
            let previous = layers[index - 1]
            layers[index].backward(
                input: UnsafeBufferPointer(previous.output), count: count,
                inputDelta: previous.delta, accumulate: accumulate)
        }
        layers[0].backward(
            input: inputs, count: count, inputDelta: nil,
            accumulate: accumulate)
    }

    func checkRows(inputs: Int, labels: Int, rows: Int) {
        precondition(
            inputs >= rows * inputSize && labels >= rows,
            "\(rows) rows need \(rows * inputSize) input values and \(rows) "
                + "labels, given \(inputs) and \(labels); check the data "
                + "set's feature count against the network's input size")
    }
}
