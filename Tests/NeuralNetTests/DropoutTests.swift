import Testing

@testable import NeuralNet

@Suite struct DropoutTests {
    func network(
        hidden: [LayerSpec], inputs: Int = 5, outputs: Int = 4,
        loss: Loss = .softmaxCrossEntropy(), maxBatch: Int = 8,
        seed: UInt64 = 41
    ) -> Network {
        var generator = SeededGenerator(seed: seed)
        return Network(
            inputSize: inputs, hidden: hidden, outputs: outputs, loss: loss,
            initialization: nil, maxBatch: maxBatch, generator: &generator)
    }

    func batch(seed: UInt64, rows: Int = 8) -> ([Float], [Int32]) {
        var generator = SeededGenerator(seed: seed)
        let inputs = (0..<(rows * 5)).map { _ in generator.nextNormal() }
        let labels = (0..<rows).map { Int32($0 % 4) }
        return (inputs, labels)
    }

    func step(
        _ network: Network, _ inputs: [Float], _ labels: [Int32]
    ) -> Float {
        inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                network.trainingStep(inputs: x, labels: y, count: y.count)
            }
        }
    }

    @Test func keptValuesAreScaledAndDroppedOnesZeroed() {
        let dropout = Dropout(rate: 0.5, width: 2, maxBatch: 2)
        dropout.fixMask([true, false, false, true])
        var generator = SeededGenerator(seed: 1)
        let x: [Float] = [1, 2, 3, 4]
        x.withUnsafeBufferPointer {
            dropout.forward($0, count: 2, generator: &generator)
        }
        #expect(Array(dropout.output) == [2, 0, 0, 8])
        #expect(generator == SeededGenerator(seed: 1), "a fixed mask draws")

        var delta: [Float] = [1, 1, 3, 3]
        delta.withUnsafeMutableBufferPointer {
            dropout.backward(delta: $0, count: 2)
        }
        #expect(delta == [2, 0, 0, 6])
    }

    @Test func aboutTheGivenShareIsKeptAndTheMeanIsPreserved() {
        // 20,000 draws at rate 0.3: the kept share has a standard
        // deviation of 0.0032, so 0.7 ± 0.015 is over 4.5 of them.
        let dropout = Dropout(rate: 0.3, width: 2000, maxBatch: 10)
        var generator = SeededGenerator(seed: 2)
        let ones = [Float](repeating: 1, count: 20_000)
        ones.withUnsafeBufferPointer {
            dropout.forward($0, count: 10, generator: &generator)
        }
        let kept = dropout.keptValues(rows: 10).filter { $0 }.count
        let share = Double(kept) / 20_000
        let mean = dropout.output.reduce(0, +) / 20_000
        print("dropout 0.3: kept \(share), mean output \(mean)")
        #expect(abs(share - 0.7) < 0.015)
        #expect(abs(mean - 1) < 0.025)
        #expect(Set(dropout.output) == [0, 1 / Float(0.7)])
    }

    @Test func rateZeroKeepsEverything() {
        let dropout = Dropout(rate: 0, width: 3, maxBatch: 1)
        var generator = SeededGenerator(seed: 3)
        [Float(1), 2, 3].withUnsafeBufferPointer {
            dropout.forward($0, count: 1, generator: &generator)
        }
        #expect(Array(dropout.output) == [1, 2, 3])
    }

    @Test func masksRepeatWithTheSeedAndChangeEveryStep() {
        let hidden: [LayerSpec] = [
            .dense(units: 16, activation: .relu), .dropout(0.5),
        ]
        let (inputs, labels) = batch(seed: 4)
        let first = network(hidden: hidden)
        let second = network(hidden: hidden)
        _ = step(first, inputs, labels)
        _ = step(second, inputs, labels)
        let mask = first.dropouts[0].keptValues(rows: 8)
        #expect(mask == second.dropouts[0].keptValues(rows: 8))
        _ = step(first, inputs, labels)
        #expect(mask != first.dropouts[0].keptValues(rows: 8))
    }

    @Test func onlyANetworkWithDropoutTakesAValueFromTheGenerator() {
        var plain = SeededGenerator(seed: 5)
        let without = Network(
            inputSize: 3, hidden: [LayerSpec(units: 4, activation: .tanh)],
            outputs: 2, initialization: nil, maxBatch: 2, generator: &plain)
        var dropped = SeededGenerator(seed: 5)
        let with = Network(
            inputSize: 3,
            hidden: [.dense(units: 4, activation: .tanh), .dropout(0.1)],
            outputs: 2, initialization: nil, maxBatch: 2, generator: &dropped)
        #expect(
            with.parameters.map(\.weights)
                == without.parameters.map(\.weights))
        _ = plain.next()
        #expect(plain == dropped)
    }

    @Test(arguments: [
        [LayerSpec.dense(units: 7, activation: .tanh), .dropout(0.5),
         .dense(units: 6, activation: .relu)],
        [.dropout(0.25), .dense(units: 7, activation: .gelu)],
        [.dense(units: 7, activation: .sigmoid), .dropout(0.3), .dropout(0.4)],
    ])
    func gradientsWithAFixedMaskMatchFiniteDifferences(_ hidden: [LayerSpec]) {
        let net = network(hidden: hidden)
        var generator = SeededGenerator(seed: 6)
        for dropout in net.dropouts {
            dropout.fixMask(
                (0..<(8 * dropout.width)).map { _ in
                    generator.nextUniform() >= dropout.rate
                })
        }
        let (inputs, labels) = batch(seed: 7)
        let results = GradientCheck.network(
            net, inputs: inputs, labels: labels)
        for (index, result) in results.enumerated() {
            print("gradient check dropout \(hidden.map(\.text)) layer "
                  + "\(index + 1): weights \(result.weights); bias "
                  + "\(result.bias)")
            #expect(result.passes, "layer \(index + 1)")
        }
    }

    @Test func aFixedMaskGivesTheSameStepTwice() {
        let net = network(
            hidden: [.dense(units: 6, activation: .relu), .dropout(0.5)])
        net.dropouts[0].fixMask(
            (0..<48).map { $0 % 3 != 0 })
        let (inputs, labels) = batch(seed: 8)
        let first = step(net, inputs, labels)
        let gradient = net.layers[0].weightGradient
        #expect(step(net, inputs, labels) == first)
        #expect(net.layers[0].weightGradient == gradient)
        net.dropouts[0].releaseMask()
        _ = step(net, inputs, labels)
        #expect(!net.dropouts[0].isMaskFixed)
    }

    @Test func aChunkedBatchWithAFixedMaskMatchesOneWholeBatch() {
        // A fixed mask covers the rows of one chunk and every chunk reuses
        // it, so two chunks of 4 equal one batch of 8 with the mask twice.
        let net = network(
            hidden: [.dense(units: 6, activation: .tanh), .dropout(0.5)],
            maxBatch: 4)
        let keep = (0..<24).map { $0 % 5 != 1 }
        net.dropouts[0].fixMask(keep)
        let (inputs, labels) = batch(seed: 9)
        _ = step(net, inputs, labels)
        // Rebuild the same mask for all 8 rows in a network of one chunk.
        let whole = network(
            hidden: [.dense(units: 6, activation: .tanh), .dropout(0.5)])
        whole.dropouts[0].fixMask(keep + keep)
        try? whole.loadParameters(net.parameters)
        _ = step(whole, inputs, labels)
        for (a, b) in zip(net.layers, whole.layers) {
            for (x, y) in zip(a.weightGradient, b.weightGradient) {
                #expect(abs(x - y) <= 1e-6)
            }
        }
    }
}
