import Foundation

/// The nonlinearity applied element-wise after a dense layer's product.
public enum Activation: String, Sendable, CaseIterable {
    /// max(0, z).
    case relu
    /// Hyperbolic tangent.
    case tanh
    /// Logistic function 1 / (1 + e^-z).
    case sigmoid
    /// Identity: the layer stays affine.
    case linear

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
    /// (tanh: 1 - a², sigmoid: a(1 - a), relu: a > 0).
    public func backward(
        output: UnsafePointer<Float>,
        delta: UnsafeMutablePointer<Float>, count: Int
    ) {
        // a and delta are (count).
        switch self {
        case .relu:
            for i in 0..<count { delta[i] = output[i] > 0 ? delta[i] : 0 }
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
        case .tanh: Foundation.tanh(z)
        case .sigmoid: 1 / (1 + Foundation.exp(-z))
        case .linear: z
        }
    }

    // For z below about -88, exp(-z) is infinite and the result is 0,
    // which is correct to Float precision; no NaN can arise.
    private static func sigmoid(_ z: Float) -> Float {
        1 / (1 + Foundation.exp(-z))
    }
}
