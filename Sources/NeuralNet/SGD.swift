/// Mini-batch SGD with (PyTorch-style) momentum: v = mu*v + g; w -= lr*v.
///
/// With momentum 0 this is plain SGD, w -= lr*g. The velocities start at
/// zero, so the first update is lr*g, as in PyTorch.
public struct SGD: Sendable {
    /// Step size of each update; may change between updates.
    public var learningRate: Float
    /// Fraction of the previous velocity kept (0 = plain SGD).
    public var momentum: Float

    // One velocity per layer for weights and biases; sized on first use.
    private(set) var weightVelocities: [[Float]] = []
    private(set) var biasVelocities: [[Float]] = []
    // Reused for the result, so a caller that drops it before the next
    // update lets the next update write in place.
    private var norms: [(gradientNorm: Float, updateNorm: Float)] = []

    /// Creates an optimizer.
    public init(learningRate: Float, momentum: Float) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// Applies one update to every layer's weights and biases from the
    /// gradients stored in the network; returns per-layer L2 norms of the
    /// weight gradient and of the weight update actually applied.
    ///
    /// No heap allocation after the first call, as long as the caller does
    /// not keep the returned array across calls.
    public mutating func update(
        _ network: Network
    ) -> [(gradientNorm: Float, updateNorm: Float)] {
        prepare(for: network)
        let rate = learningRate
        let mu = momentum
        for (index, layer) in network.layers.enumerated() {
            norms[index] = Self.step(
                &layer.weights, gradient: layer.weightGradient,
                velocity: &weightVelocities[index], rate: rate, momentum: mu)
            _ = Self.step(
                &layer.bias, gradient: layer.biasGradient,
                velocity: &biasVelocities[index], rate: rate, momentum: mu)
        }
        return norms
    }

    /// Forgets the velocities, as after a restart of training.
    public mutating func resetMomentum() {
        for index in weightVelocities.indices {
            weightVelocities[index].withUnsafeMutableBufferPointer {
                $0.update(repeating: 0)
            }
            biasVelocities[index].withUnsafeMutableBufferPointer {
                $0.update(repeating: 0)
            }
        }
    }

    // Sizes the velocities for this network's layers, keeping them when
    // the shapes already match.
    private mutating func prepare(for network: Network) {
        let layers = network.layers
        let matches =
            weightVelocities.count == layers.count
            && zip(layers, weightVelocities).allSatisfy {
                $0.weights.count == $1.count
            }
            && zip(layers, biasVelocities).allSatisfy {
                $0.bias.count == $1.count
            }
        if matches { return }
        weightVelocities = layers.map {
            Array(repeating: 0, count: $0.weights.count)
        }
        biasVelocities = layers.map {
            Array(repeating: 0, count: $0.bias.count)
        }
        norms = Array(repeating: (0, 0), count: layers.count)
    }

    // Updates one parameter buffer in a single pass; returns the L2 norms
    // of the gradient and of the applied update lr*v.
    private static func step(
        _ parameters: inout [Float], gradient: [Float],
        velocity: inout [Float], rate: Float, momentum: Float
    ) -> (gradientNorm: Float, updateNorm: Float) {
        parameters.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { g in
                velocity.withUnsafeMutableBufferPointer { v in
                    step(w, g, v, rate: rate, momentum: momentum)
                }
            }
        }
    }

    private static func step(
        _ w: UnsafeMutableBufferPointer<Float>,
        _ g: UnsafeBufferPointer<Float>,
        _ v: UnsafeMutableBufferPointer<Float>,
        rate: Float, momentum mu: Float
    ) -> (gradientNorm: Float, updateNorm: Float) {
        // w (parameters), g (gradient) and v (velocity) are (count).
        typealias Lanes = SIMD16<Float>
        let count = w.count
        let vectorEnd = count - count % Lanes.scalarCount
        // Sixteen independent partial sums: a single running sum would
        // chain every addition to the previous one and stall the loop.
        var gradientSquares = Lanes()
        var velocitySquares = Lanes()
        let parameters = UnsafeMutableRawPointer(w.baseAddress!)
        let gradient = UnsafeRawPointer(g.baseAddress!)
        let velocity = UnsafeMutableRawPointer(v.baseAddress!)
        let byteStride = Lanes.scalarCount * MemoryLayout<Float>.stride
        let vectorBytes = vectorEnd * MemoryLayout<Float>.stride
        for offset in stride(from: 0, to: vectorBytes, by: byteStride) {
            let gradientLanes =
                gradient.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            let velocityLanes =
                mu
                * velocity.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                + gradientLanes
            velocity.storeBytes(
                of: velocityLanes, toByteOffset: offset, as: Lanes.self)
            let updated =
                parameters.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                - rate * velocityLanes
            parameters.storeBytes(
                of: updated, toByteOffset: offset, as: Lanes.self)
            gradientSquares += gradientLanes * gradientLanes
            velocitySquares += velocityLanes * velocityLanes
        }
        var gradientSum = gradientSquares.sum()
        var velocitySum = velocitySquares.sum()
        for i in vectorEnd..<count {
            let velocity = mu * v[i] + g[i]
            v[i] = velocity
            w[i] -= rate * velocity
            gradientSum += g[i] * g[i]
            velocitySum += velocity * velocity
        }
        return (gradientSum.squareRoot(), abs(rate) * velocitySum.squareRoot())
    }
}
