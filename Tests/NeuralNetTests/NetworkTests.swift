import Testing

@testable import NeuralNet

@Suite struct NetworkTests {
    static let xorInputs: [Float] = [0, 0, 0, 1, 1, 0, 1, 1]
    static let xorLabels: [Int32] = [0, 1, 1, 0]

    func step(
        _ network: Network, _ inputs: [Float], _ labels: [Int32]
    ) -> Float {
        inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                network.trainingStep(inputs: x, labels: y, count: y.count)
            }
        }
    }

    func xorNetwork(seed: UInt64) -> Network {
        var generator = SeededGenerator(seed: seed)
        return Network(
            inputSize: 2, hidden: [LayerSpec(units: 8, activation: .tanh)],
            outputs: 2, initialization: nil, maxBatch: 4,
            generator: &generator)
    }

    @Test func xorIsLearntCompletely() {
        let network = xorNetwork(seed: 2024)
        var optimizer = SGD(learningRate: 0.5, momentum: 0.9)
        let first = step(network, Self.xorInputs, Self.xorLabels)
        var last = first
        for _ in 0..<300 {
            _ = optimizer.update(network)
            last = step(network, Self.xorInputs, Self.xorLabels)
        }
        print("xor: loss \(first) → \(last) after 300 steps")
        #expect(last < 0.05, "final loss \(last)")
        #expect(last < first / 10)
        #expect(network.predict(inputs: Self.xorInputs) == [0, 1, 1, 0])
        let (loss, correct) = network.evaluate(
            inputs: Self.xorInputs, labels: Self.xorLabels)
        #expect(correct == 4)
        #expect(abs(loss - last) < 0.05)
    }

    @Test func sameSeedGivesTheIdenticalLossSequence() {
        func run() -> [Float] {
            var generator = SeededGenerator(seed: 61)
            let network = Network(
                inputSize: 20,
                hidden: [
                    LayerSpec(units: 32, activation: .relu),
                    LayerSpec(units: 16, activation: .sigmoid),
                ],
                outputs: 5, initialization: nil, maxBatch: 16,
                generator: &generator)
            let inputs = (0..<(16 * 20)).map { _ in generator.nextNormal() }
            let labels = (0..<16).map { _ in Int32(generator.next() % 5) }
            var optimizer = SGD(learningRate: 0.2, momentum: 0.9)
            return (0..<30).map { _ in
                let loss = step(network, inputs, labels)
                _ = optimizer.update(network)
                return loss
            }
        }
        let first = run()
        let second = run()
        #expect(first == second)
        #expect(Set(first).count == first.count, "the loss must move")
    }

    @Test func trainingKeepsEveryBufferInPlace() {
        var generator = SeededGenerator(seed: 62)
        let network = Network(
            inputSize: 12,
            hidden: [
                LayerSpec(units: 10, activation: .relu),
                LayerSpec(units: 8, activation: .tanh),
            ],
            outputs: 3, initialization: nil, maxBatch: 8,
            generator: &generator)
        let inputs = (0..<(8 * 12)).map { _ in generator.nextNormal() }
        let labels = (0..<8).map { _ in Int32(generator.next() % 3) }
        var optimizer = SGD(learningRate: 0.1, momentum: 0.9)

        func address(_ array: [Float]) -> UnsafeRawPointer? {
            array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        func addresses() -> [UnsafeRawPointer?] {
            network.layers.flatMap { layer in
                [layer.weights, layer.bias, layer.weightGradient,
                 layer.biasGradient].map(address)
                + [layer.preActivation, layer.output, layer.delta].map {
                    UnsafeRawPointer($0.baseAddress)
                }
            }
            + [optimizer.storageAddress]
        }
        _ = step(network, inputs, labels)
        _ = optimizer.update(network)
        let before = addresses()
        for _ in 0..<200 {
            _ = step(network, inputs, labels)
            _ = optimizer.update(network)
        }
        #expect(addresses() == before)
        #expect(before.count == 3 * 7 + 1)
    }

    @Test func aBatchLargerThanTheBuffersGivesTheSameGradients() {
        func build(maxBatch: Int) -> Network {
            var generator = SeededGenerator(seed: 63)
            return Network(
                inputSize: 6, hidden: [LayerSpec(units: 9, activation: .tanh)],
                outputs: 4, initialization: nil, maxBatch: maxBatch,
                generator: &generator)
        }
        var generator = SeededGenerator(seed: 64)
        let inputs = (0..<(10 * 6)).map { _ in generator.nextNormal() }
        let labels = (0..<10).map { _ in Int32(generator.next() % 4) }
        let whole = build(maxBatch: 10)
        let chunked = build(maxBatch: 4)
        let wholeLoss = step(whole, inputs, labels)
        let chunkedLoss = step(chunked, inputs, labels)
        #expect(abs(wholeLoss - chunkedLoss) < 1e-6)
        for (a, b) in zip(whole.layers, chunked.layers) {
            for (x, y) in zip(a.weightGradient, b.weightGradient) {
                #expect(abs(x - y) < 1e-6)
            }
            for (x, y) in zip(a.biasGradient, b.biasGradient) {
                #expect(abs(x - y) < 1e-6)
            }
        }
    }

    @Test func evaluateAgreesWithTheTrainingLossAndPredict() {
        var generator = SeededGenerator(seed: 65)
        let network = Network(
            inputSize: 4, hidden: [LayerSpec(units: 6, activation: .relu)],
            outputs: 3, initialization: nil, maxBatch: 4,
            generator: &generator)
        let inputs = (0..<(11 * 4)).map { _ in generator.nextNormal() }
        let labels = (0..<11).map { _ in Int32(generator.next() % 3) }
        let (loss, correct) = network.evaluate(inputs: inputs, labels: labels)
        let predictions = network.predict(inputs: inputs)
        #expect(predictions.count == 11)
        let matches = zip(predictions, labels).filter { $0 == Int($1) }
        #expect(correct == matches.count)

        // 11 rows in chunks of 4 for evaluate, all at once for the step.
        let stepLoss = step(network, inputs, labels)
        #expect(abs(loss - stepLoss) < 1e-6, "\(loss) vs \(stepLoss)")
    }

    @Test func predictPicksTheLargestLogit() throws {
        var generator = SeededGenerator(seed: 0)
        let network = Network(
            inputSize: 2, hidden: [], outputs: 3, initialization: nil,
            maxBatch: 2, generator: &generator)
        // Logits are (x0, x1, 0.5): class 2 wins when both inputs are small.
        try network.loadParameters([
            (weights: [1, 0, 0, 0, 1, 0], bias: [0, 0, 0.5])
        ])
        let rows: [Float] = [2, 1, 0, 3, 0.1, 0.2, 1, 1]
        #expect(network.predict(inputs: rows) == [0, 1, 2, 0])
        let (_, correct) = network.evaluate(inputs: rows, labels: [0, 1, 2, 1])
        #expect(correct == 3)
    }

    @Test func anEmptySetEvaluatesToZero() {
        let network = xorNetwork(seed: 1)
        let (loss, correct) = network.evaluate(inputs: [], labels: [])
        #expect(loss == 0 && correct == 0)
        #expect(network.predict(inputs: []) == [])
    }

    @Test func loadParametersRejectsWrongShapesAndChangesNothing() {
        let network = xorNetwork(seed: 3)
        let before = network.parameters.map(\.weights)
        let tooFew = NetworkError.layerCountMismatch(expected: 2, found: 1)
        #expect(throws: tooFew) {
            try network.loadParameters([(weights: [], bias: [])])
        }
        // Layer 1 is valid (and all ones), so a partial load would show.
        var wrong = network.parameters.map {
            (weights: $0.weights.map { _ in Float(1) }, bias: $0.bias)
        }
        wrong[1].bias = [0, 0, 0]
        let error = NetworkError.parameterCountMismatch(
            layer: 1, parameter: "bias", expected: 2, found: 3)
        #expect(throws: error) { try network.loadParameters(wrong) }
        #expect(
            error.description
                == "layer 2 bias: 3 values, expected 2; load parameters "
                + "saved from a network of the same shape")
        #expect(network.parameters.map(\.weights) == before)
    }

    @Test func loadParametersKeepsTheBuffers() throws {
        let network = xorNetwork(seed: 4)
        let address = network.layers[0].weights.withUnsafeBufferPointer {
            $0.baseAddress
        }
        let zeros = network.parameters.map {
            (weights: $0.weights.map { _ in Float(0) }, bias: $0.bias)
        }
        try network.loadParameters(zeros)
        #expect(network.layers[0].weights.allSatisfy { $0 == 0 })
        #expect(
            network.layers[0].weights.withUnsafeBufferPointer { $0.baseAddress }
                == address)
    }

    @Test func shapeDescriptionNamesSizesAndActivations() {
        var generator = SeededGenerator(seed: 0)
        let mnist = Network(
            inputSize: 784, hidden: [LayerSpec(units: 128, activation: .relu)],
            outputs: 10, initialization: nil, maxBatch: 1,
            generator: &generator)
        #expect(mnist.shapeDescription == "784-128-10 relu")
        let mixed = Network(
            inputSize: 4,
            hidden: [
                LayerSpec(units: 8, activation: .tanh),
                LayerSpec(units: 8, activation: .relu),
            ],
            outputs: 3, initialization: nil, maxBatch: 1,
            generator: &generator)
        #expect(mixed.shapeDescription == "4-8-8-3 tanh,relu")
        let linear = Network(
            inputSize: 4, hidden: [], outputs: 3, initialization: nil,
            maxBatch: 1, generator: &generator)
        #expect(linear.shapeDescription == "4-3")
    }

    @Test func layersEndWithALinearOutputOfOneUnitPerClass() {
        let network = xorNetwork(seed: 5)
        #expect(network.layers.map(\.inputs) == [2, 8])
        #expect(network.layers.map(\.outputs) == [8, 2])
        #expect(network.layers.map(\.activation) == [.tanh, .linear])
        #expect(network.inputSize == 2 && network.outputSize == 2)
    }
}
