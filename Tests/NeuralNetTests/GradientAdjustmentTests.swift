import Testing

@testable import NeuralNet

@Suite struct GradientAdjustmentTests {
    func network() throws -> Network {
        var generator = SeededGenerator(seed: 0)
        let network = Network(
            inputSize: 1, hidden: [], outputs: 2, initialization: nil,
            maxBatch: 1, generator: &generator)
        try network.loadParameters([(weights: [0.5, -2], bias: [0, 1])])
        return network
    }

    @Test func globalNormCoversEveryWeightAndBias() throws {
        let network = try network()
        setGradients(network, [(weights: [3, 0], bias: [0, 4])])
        #expect(GradientClipping.globalNorm(of: network) == 5)
    }

    @Test func clippingScalesTheGradientsToTheMaximumNorm() throws {
        let network = try network()
        setGradients(network, [(weights: [3, 0], bias: [0, 4])])
        let norm = GradientClipping.clip(network, maxNorm: 1)
        #expect(norm == 5)
        // Scale 1/(5 + 1e-6), as torch's clip_grad_norm_.
        let scale: Float = 1 / (5 + 1e-6)
        #expect(network.layers[0].weightGradient == [3 * scale, 0])
        #expect(network.layers[0].biasGradient == [0, 4 * scale])
    }

    @Test func clippingLeavesASmallerNormAlone() throws {
        let network = try network()
        setGradients(network, [(weights: [3, 0], bias: [0, 4])])
        #expect(GradientClipping.clip(network, maxNorm: 6) == 5)
        #expect(network.layers[0].weightGradient == [3, 0])
        #expect(network.layers[0].biasGradient == [0, 4])
    }

    @Test func l1AddsTheSignOfEveryNonzeroParameter() throws {
        let network = try network()
        setGradients(network, [(weights: [1, 1], bias: [1, 1])])
        let norm = GradientAdjustment(l1: 0.25).apply(to: network)
        #expect(network.layers[0].weightGradient == [1.25, 0.75])
        // The zero bias has sign 0, as torch's sign(0).
        #expect(network.layers[0].biasGradient == [1, 1.25])
        #expect(abs(norm - (1.25 * 1.25 * 2 + 0.75 * 0.75 + 1).squareRoot())
            < 1e-6)
    }

    @Test func optimizersClipBeforeTheirRule() throws {
        let network = try network()
        setGradients(network, [(weights: [3, 0], bias: [0, 4])])
        var sgd = SGD(
            learningRate: 1, momentum: 0,
            adjustment: GradientAdjustment(clipNorm: 1))
        _ = sgd.update(network)
        #expect(sgd.globalGradientNorm == 5)
        let scale: Float = 1 / (5 + 1e-6)
        #expect(network.layers[0].weights == [0.5 - 3 * scale, -2])
        #expect(network.layers[0].bias == [0, 1 - 4 * scale])
    }
}
