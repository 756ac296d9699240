/// Why an optimizer could not be configured or take back a saved state.
public enum OptimizerError: Error, Equatable, CustomStringConvertible {
    /// The optimizer name is not one Descent knows.
    case unknownKind(String)
    /// A setting is outside its range.
    case invalidSetting(name: String, value: Float, expected: String)
    /// Nesterov momentum was asked for without momentum.
    case nesterovNeedsMomentum
    /// A saved state lacks a buffer this optimizer keeps.
    case missingBuffer(String)
    /// A saved state has a buffer this optimizer does not keep.
    case unexpectedBuffer(String)
    /// A saved buffer has the wrong number of values.
    case bufferSizeMismatch(name: String, expected: Int, found: Int)
    /// A saved step count is negative.
    case invalidStep(Int)

    /// A one-line explanation ending with what to do.
    public var description: String {
        switch self {
        case .unknownKind(let name):
            "unknown optimizer '\(name)'; use one of "
                + OptimizerKind.allCases.map(\.rawValue)
                .joined(separator: ", ")
        case .invalidSetting(let name, let value, let expected):
            "\(name) \(value) is out of range; give \(expected)"
        case .nesterovNeedsMomentum:
            "nesterov needs momentum above 0; set --momentum, e.g. 0.9"
        case .missingBuffer(let name):
            "saved optimizer state lacks \(name); resume with the optimizer "
                + "and settings that saved it"
        case .unexpectedBuffer(let name):
            "saved optimizer state has \(name), which this optimizer does "
                + "not keep; resume with the optimizer and settings that "
                + "saved it"
        case .bufferSizeMismatch(let name, let expected, let found):
            "saved optimizer buffer \(name): \(found) values, expected "
                + "\(expected); resume on a network of the same shape"
        case .invalidStep(let step):
            "saved optimizer step \(step) is negative; the checkpoint is "
                + "damaged, start training afresh"
        }
    }
}
