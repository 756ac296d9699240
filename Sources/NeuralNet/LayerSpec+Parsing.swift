/// Why a layer list such as `256:relu,dropout:0.2,64` could not be read;
/// each case names the item at fault and the whole list.
public enum LayerListError: Error, Equatable, CustomStringConvertible {
    /// The item is neither `SIZE`, `SIZE:ACTIVATION` nor `dropout:RATE`.
    case notALayer(item: String, list: String)
    /// The size is fine but the activation is unknown.
    case unknownActivation(item: String, list: String)
    /// The dropout rate is not a number in [0, 1).
    case badDropoutRate(item: String, list: String)

    /// A one-line explanation ending with what to do.
    public var description: String {
        switch self {
        case .notALayer(let item, let list):
            "\"\(item)\" in \"\(list)\" is not a layer; give items such as "
                + "256:relu, 128, dropout:0.2 separated by commas (or none "
                + "for no hidden layer)"
        case .unknownActivation(let item, let list):
            "\"\(item)\" in \"\(list)\" has an unknown activation; use one "
                + "of relu, leaky_relu, leaky_relu:SLOPE, gelu, tanh, "
                + "sigmoid, linear"
        case .badDropoutRate(let item, let list):
            "\"\(item)\" in \"\(list)\" has a dropout rate outside [0, 1); "
                + "give a rate such as dropout:0.2"
        }
    }
}

extension LayerSpec {
    /// Reads a comma-separated layer list such as
    /// `256:relu,128:tanh,dropout:0.2,64`; a size without an activation
    /// gets `defaultActivation`. `none` or an empty text is no layer.
    public static func parseList(
        _ text: String, defaultActivation: Activation
    ) throws(LayerListError) -> [LayerSpec] {
        if text == "none" || text.isEmpty { return [] }
        var specs: [LayerSpec] = []
        let items = text.split(
            separator: ",", omittingEmptySubsequences: false)
        for item in items {
            specs.append(
                try parseItem(
                    String(item), list: text,
                    defaultActivation: defaultActivation))
        }
        return specs
    }

    private static func parseItem(
        _ item: String, list: String, defaultActivation: Activation
    ) throws(LayerListError) -> LayerSpec {
        let colon = item.firstIndex(of: ":")
        let head = colon.map { String(item[..<$0]) } ?? item
        let tail = colon.map { String(item[item.index(after: $0)...]) }

        if head == "dropout" {
            guard let tail, let rate = Float(tail), rate >= 0, rate < 1
            else { throw .badDropoutRate(item: item, list: list) }
            return .dropout(rate)
        }
        guard let units = Int(head), units > 0 else {
            throw .notALayer(item: item, list: list)
        }
        guard let tail else {
            return .dense(units: units, activation: defaultActivation)
        }
        guard let activation = try? Activation(parsing: tail) else {
            throw .unknownActivation(item: item, list: list)
        }
        return .dense(units: units, activation: activation)
    }
}
