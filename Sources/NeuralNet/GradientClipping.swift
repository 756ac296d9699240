/// Clipping by global norm with the semantics of PyTorch's
/// `torch.nn.utils.clip_grad_norm_`.
public enum GradientClipping {
    /// The L2 norm over every weight and bias gradient of the network.
    public static func globalNorm(of network: Network) -> Float {
        var squares: Double = 0
        for index in 0..<(2 * network.layers.count) {
            squares += network.withParameter(index) { _, g in
                // g is (parameter count).
                var sum: Double = 0
                for value in g { sum += Double(value) * Double(value) }
                return sum
            }
        }
        return Float(squares.squareRoot())
    }

    /// Scales every gradient by maxNorm / (norm + 1e-6) when the global
    /// norm exceeds `maxNorm`; returns the norm before scaling.
    @discardableResult
    public static func clip(_ network: Network, maxNorm: Float) -> Float {
        let norm = globalNorm(of: network)
        // torch clamps the coefficient at 1 instead of testing the norm;
        // the 1e-6 keeps a zero norm from dividing by zero.
        let scale = min(maxNorm / (norm + 1e-6), 1)
        guard scale < 1 else { return norm }
        for index in 0..<(2 * network.layers.count) {
            network.withParameter(index) { _, g in
                // g is (parameter count).
                for i in g.indices { g[i] *= scale }
            }
        }
        return norm
    }
}
