/// Stochastic gradient descent with PyTorch's `torch.optim.SGD` rule:
/// g += weightDecay·w; v = μv + g; d = nesterov ? g + μv : v; w -= lr·d.
///
/// With momentum 0 this is plain SGD, w -= lr·g. The velocities start at
/// zero, so the first update is lr·g, as PyTorch's first step is (it
/// clones the gradient; dampening is always 0 here).
public struct SGD: Optimizer {
    /// Step size of each update; may change between updates.
    public var learningRate: Float
    /// Fraction of the previous velocity kept (0 = plain SGD).
    public var momentum: Float
    /// Nesterov momentum: step along g + μv instead of v.
    public var nesterov: Bool
    /// L2 penalty added to the gradient as weightDecay·w (every parameter,
    /// biases included, as in PyTorch).
    public var weightDecay: Float
    /// L1 and clipping applied to the gradients first.
    public var adjustment: GradientAdjustment

    private var store = ParameterStore(bufferNames: ["momentum_buffer"])

    /// Creates an optimizer.
    public init(
        learningRate: Float, momentum: Float, nesterov: Bool = false,
        weightDecay: Float = 0, adjustment: GradientAdjustment = .init()
    ) {
        precondition(
            !nesterov || momentum > 0,
            "nesterov momentum \(momentum); nesterov needs momentum above 0")
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.adjustment = adjustment
    }

    /// The last update's global gradient norm, after L1, before clipping.
    public var globalGradientNorm: Float { store.globalGradientNorm }

    /// The step count and, with momentum, each `momentum_buffer`.
    public var state: OptimizerState {
        store.state(slots: momentum == 0 ? [] : nil)
    }

    /// Applies one update; see `Optimizer.update(_:)`.
    public mutating func update(
        _ network: Network
    ) -> [(gradientNorm: Float, updateNorm: Float)] {
        store.begin(network, adjustment: adjustment)
        let rule = Rule(
            rate: learningRate, momentum: momentum, nesterov: nesterov,
            decay: weightDecay)
        return store.forEachParameter(of: network) { w, g, buffers, _ in
            Self.step(
                w, UnsafeBufferPointer(g),
                UnsafeMutableBufferPointer(start: buffers, count: w.count),
                rule)
        }
    }

    /// Forgets the velocities and the step count.
    public mutating func resetState() { store.reset() }

    /// Forgets the velocities, as after a restart of training.
    public mutating func resetMomentum() { resetState() }

    /// Takes back a saved state; see `Optimizer.load(_:for:)`.
    public mutating func load(
        _ state: OptimizerState, for network: Network
    ) throws(OptimizerError) {
        try store.load(
            state, slots: momentum == 0 ? [] : nil, for: network)
    }

    // Where the velocities live; tests check it stays put across updates.
    var storageAddress: UnsafeRawPointer? { store.storageAddress }

    // MARK: - Kernels

    struct Rule {
        var rate: Float
        var momentum: Float
        var nesterov: Bool
        var decay: Float
    }

    // One pass over a parameter; returns the sums of squares of the
    // gradient and of the applied update lr·d.
    static func step(
        _ w: UnsafeMutableBufferPointer<Float>,
        _ g: UnsafeBufferPointer<Float>,
        _ v: UnsafeMutableBufferPointer<Float>,
        _ rule: Rule
    ) -> (gradientSquares: Float, updateSquares: Float) {
        // w (parameters), g (gradient) and v (velocity) are (count).
        typealias Lanes = SIMD16<Float>
        let count = w.count
        let vectorEnd = count - count % Lanes.scalarCount
        let (rate, mu, decay) = (rule.rate, rule.momentum, rule.decay)
        // Nesterov steps along g + μv; otherwise along v (0·g + 1·v).
        let gradientWeight: Float = rule.nesterov ? 1 : 0
        let velocityWeight: Float = rule.nesterov ? mu : 1
        // Sixteen independent partial sums: a single running sum would
        // chain every addition to the previous one and stall the loop.
        var gradientSquares = Lanes()
        var directionSquares = Lanes()
        let parameters = UnsafeMutableRawPointer(w.baseAddress!)
        let gradient = UnsafeRawPointer(g.baseAddress!)
        let velocity = UnsafeMutableRawPointer(v.baseAddress!)
        let byteStride = Lanes.scalarCount * MemoryLayout<Float>.stride
        let vectorBytes = vectorEnd * MemoryLayout<Float>.stride
        for offset in stride(from: 0, to: vectorBytes, by: byteStride) {
            let raw = gradient.loadUnaligned(
                fromByteOffset: offset, as: Lanes.self)
            let old = parameters.loadUnaligned(
                fromByteOffset: offset, as: Lanes.self)
            let decayed = raw + decay * old
            let velocityLanes =
                mu
                * velocity.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                + decayed
            velocity.storeBytes(
                of: velocityLanes, toByteOffset: offset, as: Lanes.self)
            let direction =
                gradientWeight * decayed + velocityWeight * velocityLanes
            parameters.storeBytes(
                of: old - rate * direction, toByteOffset: offset,
                as: Lanes.self)
            gradientSquares += raw * raw
            directionSquares += direction * direction
        }
        var gradientSum = gradientSquares.sum()
        var directionSum = directionSquares.sum()
        for i in vectorEnd..<count {
            let decayed = g[i] + decay * w[i]
            let velocity = mu * v[i] + decayed
            v[i] = velocity
            let direction = gradientWeight * decayed + velocityWeight * velocity
            w[i] -= rate * direction
            gradientSum += g[i] * g[i]
            directionSum += direction * direction
        }
        return (gradientSum, rate * rate * directionSum)
    }

    // The same rule one value at a time, written as torch writes it; tests
    // hold the vector kernel equal to it.
    static func referenceStep(
        _ w: inout [Float], _ g: [Float], _ v: inout [Float], _ rule: Rule
    ) {
        // w, g and v are (count).
        for i in w.indices {
            let gradient = g[i] + rule.decay * w[i]
            v[i] = rule.momentum * v[i] + gradient
            let direction =
                rule.nesterov ? gradient + rule.momentum * v[i] : v[i]
            w[i] -= rule.rate * direction
        }
    }
}
