extension Network {
    /// Calls `body` with parameter `index` and its gradient, counting
    /// weight then bias, layer by layer from the input side (PyTorch's
    /// `parameters()` order): index 2k is layer k's weights, 2k + 1 its
    /// bias.
    func withParameter<Result>(
        _ index: Int,
        _ body: (
            UnsafeMutableBufferPointer<Float>,
            UnsafeMutableBufferPointer<Float>
        ) -> Result
    ) -> Result {
        let layer = layers[index / 2]
        if index.isMultiple(of: 2) {
            return layer.weights.withUnsafeMutableBufferPointer { w in
                layer.weightGradient.withUnsafeMutableBufferPointer { g in
                    body(w, g)
                }
            }
        }
        return layer.bias.withUnsafeMutableBufferPointer { b in
            layer.biasGradient.withUnsafeMutableBufferPointer { g in
                body(b, g)
            }
        }
    }

    /// The checkpoint name of parameter `index`, as in `layers.0.weight`.
    static func parameterName(_ index: Int) -> String {
        "layers.\(index / 2)." + (index.isMultiple(of: 2) ? "weight" : "bias")
    }
}
