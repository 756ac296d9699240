/// A multi-layer perceptron: dense layers, optional dropout between them,
/// a linear output layer and a loss.
///
/// Not thread-safe: one queue drives a network at a time.
public final class Network {
    /// Features per input row.
    public let inputSize: Int
    /// Output units: one per class for softmax cross-entropy, one for
    /// binary cross-entropy, one per target value for regression.
    public let outputSize: Int
    /// Rows one pass handles without allocating; larger batches run in
    /// chunks of this size.
    public let maxBatch: Int
    /// What the output is compared with in training and evaluation.
    public let loss: Loss
    /// The hidden stages as given, input side first.
    public let hidden: [LayerSpec]
    /// The dense layers, input side first; the last is the linear output.
    public let layers: [DenseLayer]
    /// The dropout stages, input side first; each applies only in training.
    public let dropouts: [Dropout]

    // dropoutsBefore[i] lists, in order, the indices into `dropouts` of the
    // stages between layer i - 1 (or the input) and layer i.
    let dropoutsBefore: [[Int]]
    /// Draws dropout masks; split off the construction generator so that
    /// masks repeat with the seed. Saved and restored by checkpoints.
    public var dropoutGenerator: SeededGenerator

    /// Creates a network with freshly initialised weights and zero biases.
    ///
    /// - Parameters:
    ///   - hidden: the hidden dense layers and dropout stages; the output
    ///     layer (`outputs` units, linear, then the loss) is added.
    ///   - loss: softmax cross-entropy unless given; binary cross-entropy
    ///     needs exactly one output.
    ///   - initialization: for every layer; nil means He for ReLU layers
    ///     and Xavier (Glorot uniform) for the others and the output.
    ///   - maxBatch: rows the work buffers are allocated for, once.
    ///   - generator: draws the weights layer by layer, row-major; then,
    ///     only if there is dropout, one value that seeds the masks.
    public init(
        inputSize: Int, hidden: [LayerSpec], outputs: Int,
        loss: Loss = .softmaxCrossEntropy(),
        initialization: Initialization?, maxBatch: Int,
        generator: inout SeededGenerator
    ) {
        precondition(
            inputSize > 0 && outputs > 0,
            "a network of \(inputSize) inputs and \(outputs) outputs; "
                + "both must be at least 1")
        precondition(
            loss != .binaryCrossEntropy || outputs == 1,
            "binary cross-entropy with \(outputs) outputs; give it one "
                + "output, or use softmax cross-entropy for more classes")
        self.inputSize = inputSize
        self.outputSize = outputs
        self.maxBatch = maxBatch
        self.loss = loss
        self.hidden = hidden

        let specs = hidden + [LayerSpec(units: outputs, activation: .linear)]
        var width = inputSize
        var layers: [DenseLayer] = []
        var dropouts: [Dropout] = []
        var pending: [Int] = []
        var dropoutsBefore: [[Int]] = []
        for spec in specs {
            switch spec {
            case .dropout(let rate):
                pending.append(dropouts.count)
                dropouts.append(
                    Dropout(rate: rate, width: width, maxBatch: maxBatch))
            case .dense(let units, let activation):
                let layer = DenseLayer(
                    inputs: width, outputs: units, activation: activation,
                    maxBatch: maxBatch)
                let scheme =
                    initialization ?? Initialization.standard(for: activation)
                layer.weights.withUnsafeMutableBufferPointer { w in
                    scheme.fill(
                        w, fanIn: width, fanOut: units, generator: &generator)
                }
                layers.append(layer)
                dropoutsBefore.append(pending)
                pending = []
                width = units
            }
        }
        self.layers = layers
        self.dropouts = dropouts
        self.dropoutsBefore = dropoutsBefore
        // Only a network with dropout takes a value from the generator, so
        // networks without it leave the caller's stream as before.
        dropoutGenerator = SeededGenerator(
            seed: dropouts.isEmpty ? 0 : generator.next())
    }

    // MARK: - Training

    /// Forward pass (dropout on), loss, backward pass for `count` rows of
    /// `inputs` (count × inputSize, row-major) with class labels; leaves
    /// the mean-loss gradients in each layer; returns the mean loss.
    ///
    /// For softmax cross-entropy and binary cross-entropy (labels 0 or 1).
    /// No heap allocation when count <= maxBatch. No input gradient is
    /// computed for the first layer. Larger batches run in chunks of
    /// `maxBatch` rows whose gradients add up to the same mean.
    public func trainingStep(
        inputs: UnsafeBufferPointer<Float>,
        labels: UnsafeBufferPointer<Int32>, count: Int
    ) -> Float {
        // inputs is (count, inputSize), labels is (count).
        precondition(
            loss.takesLabels,
            "\(loss.name) compares with Float targets; call "
                + "trainingStep(inputs:targets:count:)")
        precondition(count > 0, "a training step needs at least one row")
        checkRows(inputs: inputs.count, labels: labels.count, rows: count)
        return step(inputs: inputs, count: count) { start, rows, gradient in
            let y = labels.rows(start..<(start + rows), width: 1)
            let scale = 1 / Float(count)
            let logits = UnsafeBufferPointer(layers[layers.count - 1].output)
            switch loss {
            case .softmaxCrossEntropy(let smoothing):
                return SoftmaxCrossEntropy.loss(
                    logits: logits, labels: y, rows: rows,
                    classes: outputSize, gradient: gradient,
                    gradientScale: scale, labelSmoothing: smoothing)
            case .binaryCrossEntropy:
                return BinaryCrossEntropy.loss(
                    logits: logits, labels: y, rows: rows,
                    gradient: gradient, gradientScale: scale)
            case .meanSquaredError:
                preconditionFailure("mean squared error takes targets")
            }
        }
    }

    /// Forward pass (dropout on), loss, backward pass for `count` rows of
    /// `inputs` with Float `targets` (count × outputSize); leaves the
    /// mean-loss gradients in each layer; returns the mean loss.
    ///
    /// For mean squared error (the mean over every output value) and
    /// binary cross-entropy (targets in [0, 1]). No heap allocation when
    /// count <= maxBatch; larger batches run in chunks as above.
    public func trainingStep(
        inputs: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Float>, count: Int
    ) -> Float {
        // inputs is (count, inputSize), targets is (count, outputSize).
        precondition(
            loss.takesTargets,
            "\(loss.name) compares with class labels; call "
                + "trainingStep(inputs:labels:count:)")
        precondition(count > 0, "a training step needs at least one row")
        checkRows(
            inputs: inputs.count, targets: targets.count, rows: count)
        let values = count * outputSize
        let mean = step(inputs: inputs, count: count) {
            start, rows, gradient in
            let t = targets.rows(start..<(start + rows), width: outputSize)
            let outputs = UnsafeBufferPointer(layers[layers.count - 1].output)
            switch loss {
            case .meanSquaredError:
                return MeanSquaredError.loss(
                    outputs: outputs, targets: t, count: rows * outputSize,
                    gradient: gradient, gradientScale: 1 / Float(values))
            case .binaryCrossEntropy:
                return BinaryCrossEntropy.loss(
                    logits: outputs, targets: t, rows: rows,
                    gradient: gradient, gradientScale: 1 / Float(count))
            case .softmaxCrossEntropy:
                preconditionFailure("softmax cross-entropy takes labels")
            }
        }
        // step divides by rows; MSE averages over every value.
        return loss == .meanSquaredError ? mean / Float(outputSize) : mean
    }

    // Runs forward, `lossAndGradient` (which returns the chunk's summed
    // loss and writes dL/doutput into the buffer it is given) and backward
    // chunk by chunk; returns the summed loss over `count` rows.
    private func step(
        inputs: UnsafeBufferPointer<Float>, count: Int,
        lossAndGradient: (
            _ start: Int, _ rows: Int, UnsafeMutableBufferPointer<Float>
        ) -> Double
    ) -> Float {
        var total: Double = 0
        var start = 0
        while start < count {
            let rows = min(maxBatch, count - start)
            let x = inputs.rows(start..<(start + rows), width: inputSize)
            forward(x, count: rows, training: true)
            total += lossAndGradient(
                start, rows, layers[layers.count - 1].delta)
            backward(x, count: rows, accumulate: start > 0)
            start += rows
        }
        return Float(total / Double(count))
    }

    // Leaves the output layer's values in its output buffer.
    func forward(
        _ inputs: UnsafeBufferPointer<Float>, count: Int, training: Bool
    ) {
        // inputs is (count, inputSize); outputs are (count, outputSize).
        for index in layers.indices {
            var input =
                index == 0
                ? inputs : UnsafeBufferPointer(layers[index - 1].output)
            if training {
                for stage in dropoutsBefore[index] {
                    dropouts[stage].forward(
                        input, count: count, generator: &dropoutGenerator)
                    input = UnsafeBufferPointer(dropouts[stage].output)
                }
            }
            layers[index].forward(input, count: count)
        }
    }

    // Expects dL/doutput in the last layer's delta buffer; dropout is on,
    // with the masks of the last forward pass.
    private func backward(
        _ inputs: UnsafeBufferPointer<Float>, count: Int, accumulate: Bool
    ) {
        // inputs is (count, inputSize); each delta is (count, units).
        for index in layers.indices.reversed() {
            let previous = index > 0 ? layers[index - 1] : nil
            var input =
                previous.map { UnsafeBufferPointer($0.output) } ?? inputs
            if let last = dropoutsBefore[index].last {
                input = UnsafeBufferPointer(dropouts[last].output)
            }
            layers[index].backward(
                input: input, count: count, inputDelta: previous?.delta,
                accumulate: accumulate)
            guard let previous else { continue }
            for stage in dropoutsBefore[index] {
                dropouts[stage].backward(delta: previous.delta, count: count)
            }
        }
    }

    func checkRows(inputs: Int, labels: Int, rows: Int) {
        precondition(
            inputs >= rows * inputSize && labels >= rows,
            "\(rows) rows need \(rows * inputSize) input values and \(rows) "
                + "labels, given \(inputs) and \(labels); check the data "
                + "set's feature count against the network's input size")
    }

    func checkRows(inputs: Int, targets: Int, rows: Int) {
        precondition(
            inputs >= rows * inputSize && targets >= rows * outputSize,
            "\(rows) rows need \(rows * inputSize) input values and "
                + "\(rows * outputSize) targets, given \(inputs) and "
                + "\(targets); check the data set's feature and target "
                + "counts against the network's input and output sizes")
    }
}
