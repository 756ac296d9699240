import Testing

@testable import NeuralNet

@Suite struct RMSPropTests {
    @Test func firstRMSPropStepDividesByTheRootMeanSquare() throws {
        // g = 2: s = 0.01·4 = 0.04, √s = 0.2, so w = 1 - 0.1·2/0.2 = 0.
        let network = try singleWeightNetwork(weight: 1)
        var rmsProp = RMSProp(learningRate: 0.1)
        setGradients(network, [(weights: [2], bias: [0])])
        _ = rmsProp.update(network)
        #expect(abs(network.layers[0].weights[0]) < 1e-6)
        #expect(rmsProp.state.buffers.keys.sorted() == [
            "layers.0.bias.square_avg", "layers.0.weight.square_avg",
        ])
    }

    @Test func rmsPropMomentumCarriesTheScaledStep() throws {
        // Step 1 as above moves by 1 (b = 10). Step 2, g = 2 again:
        // s = 0.99·0.04 + 0.04 = 0.0796, d = 2/√0.0796 = 7.08881,
        // b = 0.5·10 + 7.08881 = 12.08881, w = 0 - 0.1·b = -1.208881.
        let network = try singleWeightNetwork(weight: 1)
        var rmsProp = RMSProp(learningRate: 0.1, momentum: 0.5)
        for _ in 0..<2 {
            setGradients(network, [(weights: [2], bias: [0])])
            _ = rmsProp.update(network)
        }
        #expect(abs(network.layers[0].weights[0] + 1.208881) < 1e-5)
        #expect(
            rmsProp.state.buffers["layers.0.weight.momentum_buffer"] != nil)
    }

    @Test func centeredRMSPropSubtractsTheSquaredMeanGradient() throws {
        // g = 2: s = 0.04, ḡ = 0.02, s - ḡ² = 0.0396, √ = 0.198997,
        // w = 1 - 0.1·2/0.198997 = -0.0050378.
        let network = try singleWeightNetwork(weight: 1)
        var rmsProp = RMSProp(learningRate: 0.1, centered: true)
        setGradients(network, [(weights: [2], bias: [0])])
        _ = rmsProp.update(network)
        #expect(abs(network.layers[0].weights[0] + 0.0050378) < 1e-6)
        let mean = rmsProp.state.buffers["layers.0.weight.grad_avg"] ?? []
        #expect(mean.count == 1 && abs(mean[0] - 0.02) < 1e-7)
    }
}
