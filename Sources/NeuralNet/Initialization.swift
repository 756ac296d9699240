/// How a dense layer's initial weights are drawn. Biases always start at 0.
public enum Initialization: String, Sendable, CaseIterable {
    /// He (Kaiming) normal: std sqrt(2 / fanIn); suits ReLU layers.
    case he
    /// Xavier (Glorot) uniform: limit sqrt(6 / (fanIn + fanOut)); suits
    /// tanh, sigmoid and linear layers.
    case xavier

    /// The usual choice for a layer with this activation: He for ReLU,
    /// Xavier otherwise.
    public static func standard(for activation: Activation) -> Self {
        activation == .relu ? .he : .xavier
    }

    /// Fills `weights` (fanIn × fanOut) from `generator`, in order.
    public func fill(
        _ weights: UnsafeMutableBufferPointer<Float>,
        fanIn: Int, fanOut: Int, generator: inout SeededGenerator
    ) {
        // weights is (fanIn, fanOut), row-major.
        precondition(
            weights.count == fanIn * fanOut,
            "weights hold \(weights.count) values, expected "
                + "\(fanIn)×\(fanOut)")
        switch self {
        case .he:
            let std = (2 / Float(fanIn)).squareRoot()
            for i in weights.indices {
                weights[i] = std * generator.nextNormal()
            }
        case .xavier:
            let limit = (6 / Float(fanIn + fanOut)).squareRoot()
            for i in weights.indices {
                weights[i] = limit * (2 * generator.nextUniform() - 1)
            }
        }
    }
}
