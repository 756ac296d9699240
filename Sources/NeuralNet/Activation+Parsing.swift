/// Why a text could not be read as an activation.
public struct ActivationParseError: Error, Equatable, CustomStringConvertible {
    /// The text as given.
    public var text: String

    /// A one-line explanation ending with what to do.
    public var description: String {
        "\"\(text)\" is not an activation; use one of relu, leaky_relu, "
            + "leaky_relu:SLOPE (such as leaky_relu:0.2), gelu, tanh, "
            + "sigmoid, linear"
    }
}

extension Activation: CaseIterable, RawRepresentable {
    /// One of each kind; leaky ReLU with its default slope.
    public static let allCases: [Activation] = [
        .relu, .tanh, .sigmoid, .linear, .leakyReLU, .gelu,
    ]

    /// The text form `Activation(parsing:)` reads, such as `relu` or
    /// `leaky_relu:0.2` (`leaky_relu` alone for the default slope).
    public var rawValue: String {
        switch self {
        case .leakyReLU(let slope) where slope == Self.defaultLeakySlope:
            "leaky_relu"
        case .leakyReLU(let slope): "leaky_relu:\(slope)"
        default: name
        }
    }

    /// Reads the text form, or gives nil where `init(parsing:)` throws.
    public init?(rawValue: String) {
        guard let parsed = try? Activation(parsing: rawValue) else {
            return nil
        }
        self = parsed
    }

    /// Reads `relu`, `leaky_relu`, `leaky_relu:SLOPE`, `gelu`, `tanh`,
    /// `sigmoid` or `linear`.
    public init(parsing text: String) throws(ActivationParseError) {
        switch text {
        case "relu": self = .relu
        case "leaky_relu": self = .leakyReLU
        case "gelu": self = .gelu
        case "tanh": self = .tanh
        case "sigmoid": self = .sigmoid
        case "linear": self = .linear
        default:
            let prefix = "leaky_relu:"
            guard text.hasPrefix(prefix),
                let slope = Float(text.dropFirst(prefix.count)),
                slope.isFinite
            else { throw ActivationParseError(text: text) }
            self = .leakyReLU(slope: slope)
        }
    }
}
