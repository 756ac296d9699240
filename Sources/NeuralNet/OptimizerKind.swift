/// The optimizers Descent offers, by their command-line names.
public enum OptimizerKind: String, Sendable, CaseIterable {
    /// `SGD`, with optional momentum and Nesterov.
    case sgd
    /// `Adam`.
    case adam
    /// `AdamW` (decoupled weight decay).
    case adamw
    /// `RMSProp`.
    case rmsprop

    /// Parses a command-line name such as `adamw` (any letter case).
    public init(parsing text: String) throws(OptimizerError) {
        guard let kind = Self(rawValue: text.lowercased()) else {
            throw .unknownKind(text)
        }
        self = kind
    }
}
