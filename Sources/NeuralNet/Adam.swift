import Foundation

/// Adam with PyTorch's `torch.optim.Adam` rule (amsgrad off):
/// g += weightDecay·w; m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
/// w -= lr/(1-β1ᵗ) · m / (√v / √(1-β2ᵗ) + ε).
///
/// The bias corrections are computed in Double from the step count t, as
/// torch computes them in Python floats; ε is added after the correction,
/// as in torch.
public struct Adam: Optimizer {
    /// Step size of each update; may change between updates.
    public var learningRate: Float
    /// Decay rate of the first moment (torch's betas[0], 0.9).
    public var beta1: Float
    /// Decay rate of the second moment (torch's betas[1], 0.999).
    public var beta2: Float
    /// Added to the corrected root second moment (1e-8).
    public var epsilon: Float
    /// L2 penalty added to the gradient as weightDecay·w (every parameter,
    /// biases included, as in PyTorch).
    public var weightDecay: Float
    /// L1 and clipping applied to the gradients first.
    public var adjustment: GradientAdjustment

    // AdamW shares this rule with the decay taken out of the gradient.
    var decoupledDecay = false
    private var store = ParameterStore(bufferNames: ["exp_avg", "exp_avg_sq"])

    /// Creates an optimizer; defaults are torch's.
    public init(
        learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-8, weightDecay: Float = 0,
        adjustment: GradientAdjustment = .init()
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.adjustment = adjustment
    }

    /// The last update's global gradient norm, after L1, before clipping.
    public var globalGradientNorm: Float { store.globalGradientNorm }

    /// The step count and each `exp_avg` and `exp_avg_sq`.
    public var state: OptimizerState { store.state() }

    /// Applies one update; see `Optimizer.update(_:)`.
    public mutating func update(
        _ network: Network
    ) -> [(gradientNorm: Float, updateNorm: Float)] {
        store.begin(network, adjustment: adjustment)
        let t = Double(store.step)
        let (rate, decay) = (learningRate.typedValue, weightDecay.typedValue)
        let (b1, b2) = (beta1.typedValue, beta2.typedValue)
        let rule = Rule(
            stepSize: Float(rate / (1 - pow(b1, t))),
            correction2Root: Float((1 - pow(b2, t)).squareRoot()),
            beta2: beta2, complement1: Float(1 - b1),
            complement2: Float(1 - b2), epsilon: epsilon,
            coupledDecay: decoupledDecay ? 0 : weightDecay,
            shrink: decoupledDecay ? Float(1 - rate * decay) : 1)
        return store.forEachParameter(of: network) { w, g, buffers, stride in
            Self.step(w, g, buffers, buffers + stride, rule)
        }
    }

    /// Forgets both moments and the step count.
    public mutating func resetState() { store.reset() }

    /// Takes back a saved state; see `Optimizer.load(_:for:)`.
    public mutating func load(
        _ state: OptimizerState, for network: Network
    ) throws(OptimizerError) {
        try store.load(state, for: network)
    }

    // MARK: - Kernel

    struct Rule {
        var stepSize: Float
        var correction2Root: Float
        var beta2: Float
        // 1 - β1 and 1 - β2, formed in Double as torch forms them.
        var complement1: Float
        var complement2: Float
        var epsilon: Float
        var coupledDecay: Float
        // AdamW's w ← w(1 - lr·λ) before the step; 1 for Adam.
        var shrink: Float
    }

    static func step(
        _ w: UnsafeMutableBufferPointer<Float>,
        _ g: UnsafeMutableBufferPointer<Float>,
        _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>,
        _ rule: Rule
    ) -> (gradientSquares: Float, updateSquares: Float) {
        // w, g, m (exp_avg) and v (exp_avg_sq) are (count).
        var gradientSquares: Float = 0
        var updateSquares: Float = 0
        for i in w.indices {
            let old = w[i]
            let shrunk = old * rule.shrink
            let gradient = g[i] + rule.coupledDecay * old
            m[i] += rule.complement1 * (gradient - m[i])
            v[i] = v[i] * rule.beta2 + rule.complement2 * gradient * gradient
            let denominator =
                v[i].squareRoot() / rule.correction2Root + rule.epsilon
            let updated = shrunk - rule.stepSize * (m[i] / denominator)
            w[i] = updated
            gradientSquares += g[i] * g[i]
            updateSquares += (updated - old) * (updated - old)
        }
        return (gradientSquares, updateSquares)
    }
}
