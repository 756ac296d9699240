import Foundation

/// The nonlinearity applied element-wise after a dense layer's product.
///
/// Written as text (`relu`, `leaky_relu:0.2`, `gelu`) on the command line;
/// `Activation(parsing:)` reads that form and `rawValue` writes it back.
public enum Activation: Sendable, Hashable {
    /// max(0, z).
    case relu
    /// z for z > 0, slope × z otherwise (PyTorch's default slope is 0.01).
    case leakyReLU(slope: Float)
    /// z Φ(z), the exact erf form (PyTorch's `approximate='none'`).
    case gelu
    /// Hyperbolic tangent.
    case tanh
    /// Logistic function 1 / (1 + e^-z).
    case sigmoid
    /// Identity: the layer stays affine.
    case linear

    /// The leaky ReLU slope PyTorch uses when none is given.
    public static let defaultLeakySlope: Float = 0.01

    /// Leaky ReLU with PyTorch's default slope, 0.01.
    public static var leakyReLU: Activation {
        .leakyReLU(slope: defaultLeakySlope)
    }

    /// The name for display, such as `relu` or `leaky_relu(0.2)`.
    public var name: String {
        switch self {
        case .relu: "relu"
        case .leakyReLU(let slope): "leaky_relu(\(slope))"
        case .gelu: "gelu"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .linear: "linear"
        }
    }

    // Written out so that RawRepresentable's defaults, which compare and
    // hash the text form, are not used: -0.0 and 0.0 slopes print apart
    // but are equal.
    /// Whether two activations are the same kind with the same slope.
    public static func == (lhs: Activation, rhs: Activation) -> Bool {
        switch (lhs, rhs) {
        case (.leakyReLU(let a), .leakyReLU(let b)): a == b
        case (.relu, .relu), (.gelu, .gelu), (.tanh, .tanh),
            (.sigmoid, .sigmoid), (.linear, .linear):
            true
        default: false
        }
    }

    /// Hashes the kind and, for leaky ReLU, the slope.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name.prefix { $0 != "(" })
        if case .leakyReLU(let slope) = self { hasher.combine(slope) }
    }

    // MARK: - Forward and backward, side by side

    /// Applies the activation to `count` values: a = f(z).
    public func forward(
        _ preActivation: UnsafePointer<Float>,
        into output: UnsafeMutablePointer<Float>, count: Int
    ) {
        // z and a are (count); they may be the same memory.
        switch self {
        case .relu:
            for i in 0..<count { output[i] = max(preActivation[i], 0) }
        case .leakyReLU(let slope):
            for i in 0..<count {
                let z = preActivation[i]
                output[i] = z > 0 ? z : slope * z
            }
        case .gelu:
            for i in 0..<count { output[i] = Self.gelu(preActivation[i]) }
        case .tanh:
            for i in 0..<count { output[i] = Foundation.tanh(preActivation[i]) }
        case .sigmoid:
            for i in 0..<count { output[i] = Self.sigmoid(preActivation[i]) }
        case .linear:
            if UnsafePointer(output) != preActivation {
                output.update(from: preActivation, count: count)
            }
        }
    }

    /// Turns dL/da into dL/dz in place: delta *= f'(z).
    ///
    /// The derivative is taken from the output a where that is cheaper
    /// (tanh: 1 - a², sigmoid: a(1 - a), relu: a > 0) and from z where a
    /// does not determine it (leaky ReLU, GELU).
    public func backward(
        preActivation: UnsafePointer<Float>, output: UnsafePointer<Float>,
        delta: UnsafeMutablePointer<Float>, count: Int
    ) {
        // z, a and delta are (count).
        switch self {
        case .relu:
            for i in 0..<count { delta[i] = output[i] > 0 ? delta[i] : 0 }
        case .leakyReLU(let slope):
            for i in 0..<count where !(preActivation[i] > 0) {
                delta[i] *= slope
            }
        case .gelu:
            for i in 0..<count {
                delta[i] *= Self.geluDerivative(preActivation[i])
            }
        case .tanh:
            for i in 0..<count {
                delta[i] *= 1 - output[i] * output[i]
            }
        case .sigmoid:
            for i in 0..<count {
                delta[i] *= output[i] * (1 - output[i])
            }
        case .linear:
            break
        }
    }

    // MARK: - Reference

    /// f(z) for one value in Double: the independent reference that
    /// gradient checks differentiate numerically.
    public func value(_ z: Double) -> Double {
        switch self {
        case .relu: max(z, 0)
        case .leakyReLU(let slope): z > 0 ? z : Double(slope) * z
        case .gelu: 0.5 * z * (1 + Foundation.erf(z / 2.0.squareRoot()))
        case .tanh: Foundation.tanh(z)
        case .sigmoid: 1 / (1 + Foundation.exp(-z))
        case .linear: z
        }
    }

    // For z below about -88, exp(-z) is infinite and the result is 0,
    // which is correct to Float precision; no NaN can arise.
    static func sigmoid(_ z: Float) -> Float {
        1 / (1 + Foundation.exp(-z))
    }

    private static let inverseSquareRootOfTwo: Float = 0.70710678118654752
    private static let inverseSquareRootOfTwoPi: Float = 0.39894228040143268

    private static func gelu(_ z: Float) -> Float {
        0.5 * z * (1 + Foundation.erf(z * inverseSquareRootOfTwo))
    }

    // d/dz z Φ(z) = Φ(z) + z φ(z).
    private static func geluDerivative(_ z: Float) -> Float {
        let cumulative = 0.5 * (1 + Foundation.erf(z * inverseSquareRootOfTwo))
        let density = inverseSquareRootOfTwoPi * Foundation.exp(-0.5 * z * z)
        return cumulative + z * density
    }
}
