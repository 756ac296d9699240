/// Every optimizer setting the command line can give, with PyTorch's
/// defaults; `makeOptimizer()` checks them and builds the optimizer.
public struct OptimizerConfiguration: Sendable, Equatable {
    /// Which rule to use.
    public var kind: OptimizerKind
    /// Step size.
    public var learningRate: Float
    /// SGD and RMSProp momentum (0 = none).
    public var momentum: Float = 0
    /// SGD Nesterov momentum; needs momentum above 0.
    public var nesterov = false
    /// Adam and AdamW first-moment decay (torch's betas[0]).
    public var beta1: Float = 0.9
    /// Adam and AdamW second-moment decay (torch's betas[1]).
    public var beta2: Float = 0.999
    /// Adam, AdamW and RMSProp ε.
    public var epsilon: Float = 1e-8
    /// RMSProp mean-square decay.
    public var alpha: Float = 0.99
    /// RMSProp centered variant.
    public var centered = false
    /// L2 weight decay (decoupled for AdamW); nil takes torch's default:
    /// 0.01 for AdamW, 0 for the others.
    public var weightDecay: Float?
    /// L1 strength added as l1·sign(w) to every gradient (0 = off).
    public var l1: Float = 0
    /// Largest global gradient norm kept (nil = no clipping).
    public var clipNorm: Float?

    /// Creates a configuration with torch's defaults for the rest.
    public init(kind: OptimizerKind, learningRate: Float) {
        self.kind = kind
        self.learningRate = learningRate
    }

    /// The weight decay the optimizer will use.
    public var effectiveWeightDecay: Float {
        weightDecay ?? (kind == .adamw ? 0.01 : 0)
    }

    /// Checks every setting against torch's ranges.
    public func validate() throws(OptimizerError) {
        func check(
            _ name: String, _ value: Float, _ valid: Bool, _ expected: String
        ) throws(OptimizerError) {
            guard valid, value.isFinite else {
                throw .invalidSetting(
                    name: name, value: value, expected: expected)
            }
        }
        try check(
            "learning rate", learningRate, learningRate >= 0, "0 or more")
        try check("momentum", momentum, momentum >= 0, "0 or more")
        try check("beta1", beta1, (0..<1).contains(beta1), "0 to below 1")
        try check("beta2", beta2, (0..<1).contains(beta2), "0 to below 1")
        try check("epsilon", epsilon, epsilon >= 0, "0 or more")
        try check("alpha", alpha, alpha >= 0, "0 or more")
        try check(
            "weight decay", effectiveWeightDecay, effectiveWeightDecay >= 0,
            "0 or more")
        try check("l1", l1, l1 >= 0, "0 or more")
        if let clipNorm {
            try check("clip norm", clipNorm, clipNorm > 0, "more than 0")
        }
        if nesterov && (kind != .sgd || momentum <= 0) {
            throw .nesterovNeedsMomentum
        }
    }

    /// Builds the configured optimizer after `validate()`.
    public func makeOptimizer() throws(OptimizerError) -> any Optimizer {
        try validate()
        let adjustment = GradientAdjustment(l1: l1, clipNorm: clipNorm)
        let decay = effectiveWeightDecay
        switch kind {
        case .sgd:
            return SGD(
                learningRate: learningRate, momentum: momentum,
                nesterov: nesterov, weightDecay: decay,
                adjustment: adjustment)
        case .adam:
            return Adam(
                learningRate: learningRate, beta1: beta1, beta2: beta2,
                epsilon: epsilon, weightDecay: decay, adjustment: adjustment)
        case .adamw:
            return AdamW(
                learningRate: learningRate, beta1: beta1, beta2: beta2,
                epsilon: epsilon, weightDecay: decay, adjustment: adjustment)
        case .rmsprop:
            return RMSProp(
                learningRate: learningRate, alpha: alpha, epsilon: epsilon,
                momentum: momentum, centered: centered, weightDecay: decay,
                adjustment: adjustment)
        }
    }
}
