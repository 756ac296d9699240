import Testing

@testable import NeuralNet

@Suite struct AdamTests {
    @Test func twoAdamStepsMatchTheHandComputedValues() throws {
        let network = try singleWeightNetwork(weight: 1)
        var adam = Adam(learningRate: 0.1)

        // Step 1, g = 0.5: m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 0.00025;
        // step size 0.1/(1 - 0.9) = 1, √v/√(1 - 0.999) = 0.5, so
        // w = 1 - 0.05/(0.5 + 1e-8) = 0.9 (Adam's first step is lr).
        setGradients(network, [(weights: [0.5], bias: [0])])
        let first = adam.update(network)
        #expect(abs(network.layers[0].weights[0] - 0.9) < 1e-7)
        #expect(network.layers[0].bias == [0])
        #expect(abs(first[0].gradientNorm - 0.5) < 1e-7)
        #expect(abs(first[0].updateNorm - 0.1) < 1e-6)

        // Step 2, g = -1: m = 0.9·0.05 - 0.1 = -0.055,
        // v = 0.999·0.00025 + 0.001 = 0.00124975; step size 0.1/0.19,
        // √v/√(1 - 0.999²) = √0.00124975/√0.001999 = 0.79069...;
        // w = 0.9 + (0.1/0.19)·0.055/0.79069... = 0.93661035.
        setGradients(network, [(weights: [-1], bias: [0])])
        _ = adam.update(network)
        #expect(abs(network.layers[0].weights[0] - 0.93661035) < 1e-6)
        #expect(adam.state.step == 2)
        #expect(
            abs(adam.state.buffers["layers.0.weight.exp_avg"]![0] + 0.055)
                < 1e-7)
        #expect(
            abs(
                adam.state.buffers["layers.0.weight.exp_avg_sq"]![0]
                    - 0.00124975) < 1e-9)
    }

    @Test func adamWeightDecayIsAddedToTheGradient() throws {
        // g = 0 but decay 0.5 at w = 2 makes the gradient 1: the first
        // step moves w by lr against it, to 1.9.
        let network = try singleWeightNetwork(weight: 2)
        var adam = Adam(learningRate: 0.1, weightDecay: 0.5)
        setGradients(network, [(weights: [0], bias: [0])])
        _ = adam.update(network)
        #expect(abs(network.layers[0].weights[0] - 1.9) < 1e-6)
    }

    @Test func adamWShrinksTheWeightsBeforeTheAdamStep() throws {
        // w = 2 shrinks by 1 - 0.1·0.5 to 1.9, then the Adam step of lr
        // against g = 0.5 leaves 1.8.
        let network = try singleWeightNetwork(weight: 2)
        var adamW = AdamW(learningRate: 0.1, weightDecay: 0.5)
        setGradients(network, [(weights: [0.5], bias: [0])])
        _ = adamW.update(network)
        #expect(abs(network.layers[0].weights[0] - 1.8) < 1e-6)
        #expect(adamW.weightDecay == 0.5)
        #expect(AdamW(learningRate: 1).weightDecay == 0.01)
    }

    @Test func adamResetStateStartsTheBiasCorrectionAgain() throws {
        let network = try singleWeightNetwork(weight: 1)
        var adam = Adam(learningRate: 0.1)
        setGradients(network, [(weights: [0.5], bias: [0])])
        _ = adam.update(network)
        adam.resetState()
        #expect(adam.state == OptimizerState(step: 0, buffers: [:]))
        setGradients(network, [(weights: [-1], bias: [0])])
        _ = adam.update(network)
        // A fresh first step is lr again: 0.9 + 0.1.
        #expect(abs(network.layers[0].weights[0] - 1.0) < 1e-6)
    }
}

@Suite struct TypedValueTests {
    @Test func typedValueRecoversTheDecimalWritten() {
        #expect(Float(0.999).typedValue == 0.999)
        #expect(Float(0.9).typedValue == 0.9)
        #expect(Float(1e-8).typedValue == 1e-8)
        #expect(Float(0.01).typedValue == 0.01)
        #expect(Float(250).typedValue == 250)
        #expect(Float(0).typedValue == 0)
        // A Float with no short decimal keeps its own value.
        let odd = Float(bitPattern: 0x3F80_0001)
        #expect(Float(odd.typedValue) == odd)
    }
}
