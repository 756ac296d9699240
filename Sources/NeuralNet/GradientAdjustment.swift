/// What happens to the gradients before an optimizer's rule: L1, then
/// clipping by global norm (both off by default).
///
/// PyTorch has no built-in L1: adding `l1 * sum(|p|)` to the loss puts
/// `l1 * sign(p)` into every gradient, which is what this does (sign(0) is
/// 0). Like torch's `weight_decay`, L1 reaches every parameter, biases
/// included.
public struct GradientAdjustment: Sendable, Equatable {
    /// L1 strength lambda; 0 turns it off.
    public var l1: Float
    /// Largest global gradient norm kept; nil turns clipping off.
    public var clipNorm: Float?

    /// Creates an adjustment.
    public init(l1: Float = 0, clipNorm: Float? = nil) {
        self.l1 = l1
        self.clipNorm = clipNorm
    }

    /// Adjusts the network's gradients in place; returns the global
    /// gradient norm after L1 and before clipping.
    @discardableResult
    public func apply(to network: Network) -> Float {
        if l1 != 0 { Self.addL1(strength: l1, to: network) }
        guard let clipNorm else {
            return GradientClipping.globalNorm(of: network)
        }
        return GradientClipping.clip(network, maxNorm: clipNorm)
    }

    /// Adds strength × sign(p) to the gradient of every parameter p.
    public static func addL1(strength: Float, to network: Network) {
        for index in 0..<(2 * network.layers.count) {
            network.withParameter(index) { p, g in
                // p and g are (parameter count).
                for i in p.indices where p[i] != 0 {
                    g[i] += p[i] > 0 ? strength : -strength
                }
            }
        }
    }
}
