/// One hidden stage of a network: a dense layer of some units and an
/// activation, or dropout at some rate.
public enum LayerSpec: Sendable, Hashable {
    /// A fully connected layer followed by its activation.
    case dense(units: Int, activation: Activation)
    /// Inverted dropout of the values between two layers, at this rate.
    case dropout(Float)

    /// Creates a dense layer description.
    public init(units: Int, activation: Activation) {
        self = .dense(units: units, activation: activation)
    }

    /// Output units of a dense layer; nil for dropout.
    public var units: Int? {
        guard case .dense(let units, _) = self else { return nil }
        return units
    }

    /// The activation of a dense layer; nil for dropout.
    public var activation: Activation? {
        guard case .dense(_, let activation) = self else { return nil }
        return activation
    }

    /// The rate of a dropout stage; nil for a dense layer.
    public var dropoutRate: Float? {
        guard case .dropout(let rate) = self else { return nil }
        return rate
    }

    /// The stage as the command line writes it: `128:relu`, `dropout:0.2`.
    public var text: String {
        switch self {
        case .dense(let units, let activation):
            "\(units):\(activation.rawValue)"
        case .dropout(let rate): "dropout:\(rate)"
        }
    }
}
