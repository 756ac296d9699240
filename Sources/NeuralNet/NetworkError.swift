/// Why a network could not take the parameters it was given.
public enum NetworkError: Error, Equatable, CustomStringConvertible {
    /// The parameter list has a different number of layers.
    case layerCountMismatch(expected: Int, found: Int)
    /// One layer's weights or bias have the wrong number of values.
    case parameterCountMismatch(
        layer: Int, parameter: String, expected: Int, found: Int)

    /// A one-line explanation ending with what to do.
    public var description: String {
        switch self {
        case .layerCountMismatch(let expected, let found):
            "parameters for \(found) layers, the network has \(expected); "
                + "load parameters saved from a network of the same shape"
        case .parameterCountMismatch(let layer, let parameter, let expected,
                                     let found):
            "layer \(layer + 1) \(parameter): \(found) values, expected "
                + "\(expected); load parameters saved from a network of the "
                + "same shape"
        }
    }
}
