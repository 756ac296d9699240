extension Network {
    /// Replaces every layer's weights and biases, input side first, in
    /// place (the buffers keep their identity).
    ///
    /// Throws before changing anything if a count does not match.
    public func loadParameters(
        _ parameters: [(weights: [Float], bias: [Float])]
    ) throws(NetworkError) {
        guard parameters.count == layers.count else {
            throw .layerCountMismatch(
                expected: layers.count, found: parameters.count)
        }
        for (index, layer) in layers.enumerated() {
            let given = parameters[index]
            guard given.weights.count == layer.weights.count else {
                throw .parameterCountMismatch(
                    layer: index, parameter: "weights",
                    expected: layer.weights.count, found: given.weights.count)
            }
            guard given.bias.count == layer.bias.count else {
                throw .parameterCountMismatch(
                    layer: index, parameter: "bias",
                    expected: layer.bias.count, found: given.bias.count)
            }
        }
        for (index, layer) in layers.enumerated() {
            layer.weights.withUnsafeMutableBufferPointer { w in
                _ = w.update(fromContentsOf: parameters[index].weights)
            }
            layer.bias.withUnsafeMutableBufferPointer { b in
                _ = b.update(fromContentsOf: parameters[index].bias)
            }
        }
    }

    /// Every layer's weights and biases, input side first: what
    /// `loadParameters` takes back.
    public var parameters: [(weights: [Float], bias: [Float])] {
        layers.map { ($0.weights, $0.bias) }
    }

    /// The network's shape, such as `784-128-10 relu`; mixed hidden
    /// activations are listed in order, as in `4-8-8-3 tanh,relu`.
    public var shapeDescription: String {
        let sizes = [inputSize] + layers.map(\.outputs)
        let shape = sizes.map(String.init).joined(separator: "-")
        let activations = layers.dropLast().map(\.activation.name)
        guard let first = activations.first else { return shape }
        let allSame = activations.allSatisfy { $0 == first }
        return shape + " "
            + (allSame ? first : activations.joined(separator: ","))
    }
}
