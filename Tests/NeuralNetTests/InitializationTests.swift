import Testing

@testable import NeuralNet

@Suite struct InitializationTests {
    func statistics(_ values: [Float]) -> (mean: Double, std: Double) {
        let mean = values.reduce(0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0) {
            $0 + (Double($1) - mean) * (Double($1) - mean)
        } / Double(values.count)
        return (mean, variance.squareRoot())
    }

    // A 1000 → 500 ReLU layer (He) and a 500 → 10 output layer (Xavier).
    func network(_ initialization: Initialization?) -> Network {
        var generator = SeededGenerator(seed: 41)
        return Network(
            inputSize: 1000, hidden: [LayerSpec(units: 500, activation: .relu)],
            outputs: 300, initialization: initialization, maxBatch: 1,
            generator: &generator)
    }

    @Test func heGivesNormalWeightsWithStdSqrtTwoOverFanIn() {
        let weights = network(nil).layers[0].weights
        let (mean, std) = statistics(weights)
        let expected = (2.0 / 1000).squareRoot()
        #expect(abs(mean) < 0.01 * expected, "mean \(mean)")
        #expect(
            abs(std / expected - 1) < 0.01, "std \(std), expected \(expected)")
        // A normal puts about 68.3 % of its mass within one std.
        let inside = weights.filter { abs(Double($0)) < expected }.count
        let fraction = Double(inside) / Double(weights.count)
        #expect(abs(fraction - 0.6827) < 0.01, "within 1 std: \(fraction)")
    }

    @Test func xavierGivesUniformWeightsWithinTheGlorotLimit() {
        let weights = network(nil).layers[1].weights
        let limit = (6.0 / Double(500 + 300)).squareRoot()
        let (mean, std) = statistics(weights)
        #expect(abs(mean) < 0.01 * limit, "mean \(mean)")
        // A uniform on [-limit, limit] has std limit / √3.
        let expected = limit / 3.0.squareRoot()
        #expect(
            abs(std / expected - 1) < 0.01, "std \(std), expected \(expected)")
        #expect(weights.allSatisfy { abs(Double($0)) <= limit })
        #expect(weights.map { abs(Double($0)) }.max()! > 0.99 * limit)
    }

    @Test func anExplicitChoiceAppliesToEveryLayer() {
        let layers = network(.xavier).layers
        let limit = (6.0 / Double(1000 + 500)).squareRoot()
        #expect(layers[0].weights.allSatisfy { abs(Double($0)) <= limit })
        let he = network(.he).layers[1].weights
        let (_, std) = statistics(he)
        #expect(abs(std / (2.0 / 500).squareRoot() - 1) < 0.01)
    }

    @Test func biasesStartAtZero() {
        for layer in network(nil).layers {
            #expect(layer.bias.allSatisfy { $0 == 0 })
        }
    }

    @Test func standardChoiceIsHeForReluAndXavierOtherwise() {
        #expect(Initialization.standard(for: .relu) == .he)
        #expect(Initialization.standard(for: .tanh) == .xavier)
        #expect(Initialization.standard(for: .sigmoid) == .xavier)
        #expect(Initialization.standard(for: .linear) == .xavier)
    }
}
