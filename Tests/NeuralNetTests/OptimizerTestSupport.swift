@testable import NeuralNet

// A 1 → 1 network whose single weight starts at `weight` (bias 0) and
// whose gradients are set by hand, so an update's arithmetic can be
// followed on one value.
func singleWeightNetwork(weight: Float) throws -> Network {
    var generator = SeededGenerator(seed: 0)
    let network = Network(
        inputSize: 1, hidden: [], outputs: 1, initialization: nil,
        maxBatch: 1, generator: &generator)
    try network.loadParameters([(weights: [weight], bias: [0])])
    return network
}

// Sets every layer's gradients by hand.
func setGradients(
    _ network: Network, _ gradients: [(weights: [Float], bias: [Float])]
) {
    for (layer, given) in zip(network.layers, gradients) {
        layer.weightGradient = given.weights
        layer.biasGradient = given.bias
    }
}
