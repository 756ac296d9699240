/// The shape of one hidden layer: how many units and which activation.
public struct LayerSpec: Sendable, Equatable {
    /// Output units of the layer.
    public var units: Int
    /// Nonlinearity after the layer's affine map.
    public var activation: Activation

    /// Creates a layer description.
    public init(units: Int, activation: Activation) {
        self.units = units
        self.activation = activation
    }
}
