/// AdamW with PyTorch's `torch.optim.AdamW` rule: the weights first shrink
/// by w ← w(1 - lr·weightDecay), then Adam steps with no L2 in the
/// gradient (decoupled decay, every parameter, biases included).
public struct AdamW: Optimizer {
    private var adam: Adam

    /// Creates an optimizer; defaults are torch's (weight decay 0.01).
    public init(
        learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-8, weightDecay: Float = 0.01,
        adjustment: GradientAdjustment = .init()
    ) {
        adam = Adam(
            learningRate: learningRate, beta1: beta1, beta2: beta2,
            epsilon: epsilon, weightDecay: weightDecay,
            adjustment: adjustment)
        adam.decoupledDecay = true
    }

    /// Step size of each update; may change between updates.
    public var learningRate: Float {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }
    /// Decoupled decay rate λ.
    public var weightDecay: Float {
        get { adam.weightDecay }
        set { adam.weightDecay = newValue }
    }
    /// L1 and clipping applied to the gradients first.
    public var adjustment: GradientAdjustment {
        get { adam.adjustment }
        set { adam.adjustment = newValue }
    }
    /// The last update's global gradient norm, after L1, before clipping.
    public var globalGradientNorm: Float { adam.globalGradientNorm }
    /// The step count and each `exp_avg` and `exp_avg_sq`.
    public var state: OptimizerState { adam.state }

    /// Applies one update; see `Optimizer.update(_:)`.
    public mutating func update(
        _ network: Network
    ) -> [(gradientNorm: Float, updateNorm: Float)] {
        adam.update(network)
    }

    /// Forgets both moments and the step count.
    public mutating func resetState() { adam.resetState() }

    /// Takes back a saved state; see `Optimizer.load(_:for:)`.
    public mutating func load(
        _ state: OptimizerState, for network: Network
    ) throws(OptimizerError) {
        try adam.load(state, for: network)
    }
}
