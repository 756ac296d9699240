/// One dense layer's weights and biases in Descent's layout, and their
/// conversion to and from checkpoint tensors.
public struct LayerParameters: Sendable, Equatable {
    /// Input features (rows of `weights`).
    public var inputs: Int
    /// Output units (columns of `weights`).
    public var outputs: Int
    /// Weights, `inputs × outputs`, row-major, as `DenseLayer` holds them.
    public var weights: [Float]
    /// One bias per output unit.
    public var biases: [Float]

    /// Creates a layer's parameters; the counts must match the sizes.
    public init(inputs: Int, outputs: Int, weights: [Float], biases: [Float]) {
        precondition(
            weights.count == inputs * outputs && biases.count == outputs,
            "a \(inputs)→\(outputs) layer needs \(inputs * outputs) "
                + "weights and \(outputs) biases, given \(weights.count) "
                + "and \(biases.count)")
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.biases = biases
    }

    /// `layers.{layer}.weight`.
    public static func weightName(layer: Int) -> String {
        "layers.\(layer).weight"
    }

    /// `layers.{layer}.bias`.
    public static func biasName(layer: Int) -> String {
        "layers.\(layer).bias"
    }

    /// `optimizer.layers.{layer}.weight.<slot>`, e.g. slot `momentum`.
    public static func optimizerWeightName(layer: Int, slot: String)
        -> String
    {
        "optimizer.\(weightName(layer: layer)).\(slot)"
    }

    /// `optimizer.layers.{layer}.bias.<slot>`, e.g. slot `momentum`.
    public static func optimizerBiasName(layer: Int, slot: String) -> String {
        "optimizer.\(biasName(layer: layer)).\(slot)"
    }

    /// The `[out, in]` tensor for an `inputs × outputs` row-major matrix,
    /// such as weights or a weight-shaped optimizer slot.
    public static func linearTensor(
        named name: String, inputs: Int, outputs: Int, descentLayout: [Float]
    ) -> Tensor {
        Tensor(
            name: name, shape: [outputs, inputs],
            values: transpose(descentLayout, rows: inputs, columns: outputs))
    }

    /// The `inputs × outputs` row-major values of an `[out, in]` tensor;
    /// `file` names the checkpoint in errors.
    public static func descentLayout(of tensor: Tensor, file: String)
        throws(CheckpointError) -> [Float]
    {
        guard tensor.shape.count == 2 else {
            throw CheckpointError(
                .missingTensor, path: file,
                "tensor \"\(tensor.name)\" has shape \(tensor.shape), not "
                    + "[out, in]; the checkpoint does not hold this network")
        }
        return transpose(
            tensor.values, rows: tensor.shape[0], columns: tensor.shape[1])
    }

    /// The weight and bias tensors of every layer, in layer order.
    public static func tensors(for layers: [LayerParameters]) -> [Tensor] {
        layers.enumerated().flatMap { index, layer in
            [
                linearTensor(
                    named: weightName(layer: index), inputs: layer.inputs,
                    outputs: layer.outputs, descentLayout: layer.weights),
                Tensor(
                    name: biasName(layer: index), shape: [layer.outputs],
                    values: layer.biases),
            ]
        }
    }

    /// Every layer found in `tensors`, from `layers.0` up to the first
    /// missing index; `file` names the checkpoint in errors.
    ///
    /// Each weight must be `[out, in]` with a matching `[out]` bias, and
    /// each layer's inputs must equal the previous layer's outputs.
    public static func layers(from tensors: [Tensor], file: String)
        throws(CheckpointError) -> [LayerParameters]
    {
        let byName = Dictionary(
            tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func fail(_ detail: String) -> CheckpointError {
            CheckpointError(
                .missingTensor, path: file,
                detail + "; the checkpoint does not hold this network")
        }
        var layers: [LayerParameters] = []
        while let weight = byName[weightName(layer: layers.count)] {
            let index = layers.count
            let weights = try descentLayout(of: weight, file: file)
            let (outputs, inputs) = (weight.shape[0], weight.shape[1])
            guard let bias = byName[biasName(layer: index)] else {
                throw fail("\(weight.name) has no \(biasName(layer: index))")
            }
            guard bias.shape == [outputs] else {
                throw fail(
                    "tensor \"\(bias.name)\" has shape \(bias.shape), "
                        + "expected [\(outputs)]")
            }
            if let previous = layers.last, previous.outputs != inputs {
                throw fail(
                    "tensor \"\(weight.name)\" takes \(inputs) inputs but "
                        + "layer \(index - 1) gives \(previous.outputs)")
            }
            layers.append(
                LayerParameters(
                    inputs: inputs, outputs: outputs, weights: weights,
                    biases: bias.values))
        }
        guard !layers.isEmpty else {
            throw fail("no tensor \"\(weightName(layer: 0))\"")
        }
        return layers
    }

    /// `values` is (rows, columns) row-major; the result is (columns, rows).
    static func transpose(_ values: [Float], rows: Int, columns: Int)
        -> [Float]
    {
        var result = [Float](repeating: 0, count: values.count)
        for row in 0..<rows {
            for column in 0..<columns {
                result[column * rows + row] = values[row * columns + column]
            }
        }
        return result
    }
}
