/// One fully connected layer; forward and backward side by side.
///
/// The layer owns its work buffers, sized once for `maxBatch` rows, so a
/// training step allocates nothing.
public final class DenseLayer {
    /// Input features per row (rows of the weight matrix).
    public let inputs: Int
    /// Output units (columns of the weight matrix).
    public let outputs: Int
    /// Nonlinearity after the affine map.
    public let activation: Activation
    /// Rows the work buffers hold.
    public let maxBatch: Int
    /// Weights, `inputs × outputs`, row-major.
    public internal(set) var weights: [Float]
    /// One bias per output unit.
    public internal(set) var bias: [Float]
    /// dLoss/dWeights from the last backward pass, shaped like `weights`.
    public internal(set) var weightGradient: [Float]
    /// dLoss/dBias from the last backward pass.
    public internal(set) var biasGradient: [Float]

    // Work buffers, each (maxBatch, outputs). For a linear layer `output`
    // is the same memory as `preActivation`. `delta` holds dL/da until
    // backward turns it into dL/dz in place.
    let preActivation: UnsafeMutableBufferPointer<Float>
    let output: UnsafeMutableBufferPointer<Float>
    let delta: UnsafeMutableBufferPointer<Float>

    /// Creates a layer with zero weights and biases; the network fills them.
    init(inputs: Int, outputs: Int, activation: Activation, maxBatch: Int) {
        precondition(
            inputs > 0 && outputs > 0,
            "a dense layer of \(inputs)→\(outputs) units; give every layer "
                + "at least one input and one unit")
        precondition(
            maxBatch > 0, "maxBatch \(maxBatch); use at least 1 row")
        self.inputs = inputs
        self.outputs = outputs
        self.activation = activation
        self.maxBatch = maxBatch
        weights = Array(repeating: 0, count: inputs * outputs)
        bias = Array(repeating: 0, count: outputs)
        weightGradient = Array(repeating: 0, count: inputs * outputs)
        biasGradient = Array(repeating: 0, count: outputs)

        func buffer() -> UnsafeMutableBufferPointer<Float> {
            let memory = UnsafeMutableBufferPointer<Float>.allocate(
                capacity: maxBatch * outputs)
            memory.initialize(repeating: 0)
            return memory
        }
        preActivation = buffer()
        output = activation == .linear ? preActivation : buffer()
        delta = buffer()
    }

    deinit {
        if output.baseAddress != preActivation.baseAddress {
            output.deallocate()
        }
        preActivation.deallocate()
        delta.deallocate()
    }

    // MARK: - Forward

    /// Computes a = f(x · W + b) for `count` rows into `output`.
    func forward(_ input: UnsafeBufferPointer<Float>, count: Int) {
        // x is (count, inputs), W is (inputs, outputs), z and a are
        // (count, outputs).
        checkRows(count)
        let z = preActivation.prefix(rows: count, width: outputs)
        weights.withUnsafeBufferPointer { w in
            MatrixMultiply.blas(
                input, w, into: z, m: count, n: outputs, k: inputs)
        }
        bias.withUnsafeBufferPointer { b in
            for row in 0..<count {
                let start = row * outputs
                for unit in 0..<outputs { z[start + unit] += b[unit] }
            }
        }
        activation.forward(
            preActivation.baseAddress!, into: output.baseAddress!,
            count: count * outputs)
    }

    // MARK: - Backward

    /// Turns dL/da in `delta` into dL/dz, then writes dL/dW and dL/db and,
    /// when `inputDelta` is given, dL/dx.
    ///
    /// With `accumulate` the weight and bias gradients are added to what is
    /// there, so a batch larger than `maxBatch` can run in chunks.
    func backward(
        input: UnsafeBufferPointer<Float>, count: Int,
        inputDelta: UnsafeMutableBufferPointer<Float>?, accumulate: Bool = false
    ) {
        // x is (count, inputs), delta is (count, outputs), W and dW are
        // (inputs, outputs), dx is (count, inputs).
        checkRows(count)
        activation.backward(
            preActivation: preActivation.baseAddress!,
            output: output.baseAddress!, delta: delta.baseAddress!,
            count: count * outputs)
        let dz = UnsafeBufferPointer(delta.prefix(rows: count, width: outputs))

        weightGradient.withUnsafeMutableBufferPointer { dw in
            MatrixMultiply.blas(
                input, transposeA: true, dz, into: dw,
                m: inputs, n: outputs, k: count, beta: accumulate ? 1 : 0)
        }
        biasGradient.withUnsafeMutableBufferPointer { db in
            if !accumulate { db.update(repeating: 0) }
            for row in 0..<count {
                let start = row * outputs
                for unit in 0..<outputs { db[unit] += dz[start + unit] }
            }
        }
        guard let inputDelta else { return }
        weights.withUnsafeBufferPointer { w in
            MatrixMultiply.blas(
                dz, w, transposeB: true, into: inputDelta,
                m: count, n: inputs, k: outputs)
        }
    }

    private func checkRows(_ count: Int) {
        precondition(
            (0...maxBatch).contains(count),
            "\(count) rows for buffers of \(maxBatch); split the batch")
    }
}
