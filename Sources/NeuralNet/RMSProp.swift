/// RMSProp with PyTorch's `torch.optim.RMSprop` rule:
/// g += weightDecay·w; s = αs + (1-α)g²; centered: ḡ = αḡ + (1-α)g and
/// s̃ = s - ḡ², else s̃ = s; d = g / (√s̃ + ε);
/// with momentum b = μb + d, w -= lr·b; otherwise w -= lr·d.
///
/// ε is added outside the square root, as in torch.
public struct RMSProp: Optimizer {
    /// Step size of each update; may change between updates.
    public var learningRate: Float
    /// Decay rate of the mean square (torch's alpha, 0.99).
    public var alpha: Float
    /// Added to the root mean square (1e-8).
    public var epsilon: Float
    /// Momentum on the scaled step (0 = none).
    public var momentum: Float
    /// Divide by the variance instead of the mean square.
    public var centered: Bool
    /// L2 penalty added to the gradient as weightDecay·w (every parameter,
    /// biases included, as in PyTorch).
    public var weightDecay: Float
    /// L1 and clipping applied to the gradients first.
    public var adjustment: GradientAdjustment

    private var store = ParameterStore(
        bufferNames: ["square_avg", "momentum_buffer", "grad_avg"])

    /// Creates an optimizer; defaults are torch's.
    public init(
        learningRate: Float, alpha: Float = 0.99, epsilon: Float = 1e-8,
        momentum: Float = 0, centered: Bool = false, weightDecay: Float = 0,
        adjustment: GradientAdjustment = .init()
    ) {
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
        self.adjustment = adjustment
    }

    /// The last update's global gradient norm, after L1, before clipping.
    public var globalGradientNorm: Float { store.globalGradientNorm }

    /// The step count, each `square_avg`, and `momentum_buffer` with
    /// momentum and `grad_avg` when centered, as torch keeps them.
    public var state: OptimizerState { store.state(slots: keptSlots) }

    /// Applies one update; see `Optimizer.update(_:)`.
    public mutating func update(
        _ network: Network
    ) -> [(gradientNorm: Float, updateNorm: Float)] {
        store.begin(network, adjustment: adjustment)
        let rule = Rule(
            rate: learningRate, alpha: alpha,
            complement: Float(1 - alpha.typedValue), epsilon: epsilon,
            momentum: momentum, centered: centered, decay: weightDecay)
        return store.forEachParameter(of: network) { w, g, buffers, stride in
            Self.step(
                w, g, buffers, buffers + stride, buffers + 2 * stride, rule)
        }
    }

    /// Forgets every buffer and the step count.
    public mutating func resetState() { store.reset() }

    /// Takes back a saved state; see `Optimizer.load(_:for:)`.
    public mutating func load(
        _ state: OptimizerState, for network: Network
    ) throws(OptimizerError) {
        try store.load(state, slots: keptSlots, for: network)
    }

    private var keptSlots: [Int] {
        [0] + (momentum > 0 ? [1] : []) + (centered ? [2] : [])
    }

    // MARK: - Kernel

    struct Rule {
        var rate: Float
        var alpha: Float
        // 1 - α, formed in Double as torch forms it.
        var complement: Float
        var epsilon: Float
        var momentum: Float
        var centered: Bool
        var decay: Float
    }

    static func step(
        _ w: UnsafeMutableBufferPointer<Float>,
        _ g: UnsafeMutableBufferPointer<Float>,
        _ s: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>,
        _ mean: UnsafeMutablePointer<Float>, _ rule: Rule
    ) -> (gradientSquares: Float, updateSquares: Float) {
        // w, g, s (square_avg), b (momentum_buffer) and mean (grad_avg)
        // are (count).
        var gradientSquares: Float = 0
        var updateSquares: Float = 0
        for i in w.indices {
            let old = w[i]
            let gradient = g[i] + rule.decay * old
            s[i] = s[i] * rule.alpha + rule.complement * gradient * gradient
            var square = s[i]
            if rule.centered {
                mean[i] += rule.complement * (gradient - mean[i])
                square -= mean[i] * mean[i]
            }
            let scaled = gradient / (square.squareRoot() + rule.epsilon)
            let updated: Float
            if rule.momentum > 0 {
                b[i] = b[i] * rule.momentum + scaled
                updated = old - rule.rate * b[i]
            } else {
                updated = old - rule.rate * scaled
            }
            w[i] = updated
            gradientSquares += g[i] * g[i]
            updateSquares += (updated - old) * (updated - old)
        }
        return (gradientSquares, updateSquares)
    }
}
