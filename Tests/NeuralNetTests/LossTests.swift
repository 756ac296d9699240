import Foundation
import Testing

@testable import NeuralNet

@Suite struct LossTests {
    // MARK: - Kernels against hand-computed values

    @Test func labelSmoothingMatchesAHandComputedExample() {
        // Logits 0, ln 2, ln 3 give p = 1/6, 2/6, 3/6. Label 2 with ε = 0.3
        // targets 0.1, 0.1, 0.8.
        let logits: [Float] = [0, log(2), log(3)]
        let loss = SoftmaxCrossEntropy.meanLoss(
            logits: logits, labels: [2], classes: 3, labelSmoothing: 0.3)
        let expected = 0.1 * log(6.0) + 0.1 * log(3.0) + 0.8 * log(2.0)
        #expect(abs(Double(loss) - expected) < 1e-6)
        let gradient = SoftmaxCrossEntropy.meanLossGradient(
            logits: logits, labels: [2], classes: 3, labelSmoothing: 0.3)
        let want: [Float] = [1.0 / 6 - 0.1, 2.0 / 6 - 0.1, 0.5 - 0.8]
        for (g, w) in zip(gradient, want) { #expect(abs(g - w) < 1e-6) }
    }

    @Test func zeroSmoothingIsPlainCrossEntropy() {
        let logits: [Float] = [0.5, -1, 2, 0.25, 0, -0.75]
        #expect(
            SoftmaxCrossEntropy.meanLoss(
                logits: logits, labels: [1, 0], classes: 3,
                labelSmoothing: 0)
                == SoftmaxCrossEntropy.meanLoss(
                    logits: logits, labels: [1, 0], classes: 3))
    }

    @Test func binaryCrossEntropyMatchesHandValues() {
        // z = 0 gives ln 2 whatever the label; z = ln 3 has σ = 3/4.
        let loss = BinaryCrossEntropy.meanLoss(
            logits: [0, log(3), log(3)], targets: [1, 1, 0])
        let expected = (log(2.0) + log(4.0 / 3) + log(4.0)) / 3
        #expect(abs(Double(loss) - expected) < 1e-6)
        let gradient = BinaryCrossEntropy.meanLossGradient(
            logits: [0, log(3), log(3)], targets: [1, 1, 0])
        let want: [Float] = [-0.5 / 3, -0.25 / 3, 0.75 / 3]
        for (g, w) in zip(gradient, want) { #expect(abs(g - w) < 1e-6) }
    }

    @Test func binaryCrossEntropyStaysFiniteForHugeLogits() {
        let logits: [Float] = [1000, -1000, 1000, -1000]
        let targets: [Float] = [1, 0, 0, 1]
        let loss = BinaryCrossEntropy.meanLoss(logits: logits, targets: targets)
        #expect(loss == 500)
        #expect(
            BinaryCrossEntropy.meanLossGradient(
                logits: logits, targets: targets) == [0, 0, 0.25, -0.25])
    }

    @Test func meanSquaredErrorAveragesOverEveryValue() {
        let outputs: [Float] = [1, 2, 3, 4]
        let targets: [Float] = [0, 2, 5, 4]
        #expect(
            MeanSquaredError.meanLoss(outputs: outputs, targets: targets)
                == 1.25)
        #expect(
            MeanSquaredError.meanLossGradient(
                outputs: outputs, targets: targets) == [0.5, 0, -1, 0])
    }

    // MARK: - Gradient checks of the kernels

    @Test func smoothedCrossEntropyGradientMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 51)
        let logits = (0..<24).map { _ in 2 * generator.nextNormal() }
        let result = GradientCheck.softmaxCrossEntropy(
            logits: logits, labels: [0, 5, 2, 3], classes: 6,
            labelSmoothing: 0.1)
        print("gradient check cross-entropy smoothing 0.1: \(result)")
        #expect(result.checked == 24)
        #expect(result.passes, "\(result)")
    }

    @Test func binaryCrossEntropyGradientMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 52)
        let logits = (0..<12).map { _ in 3 * generator.nextNormal() }
        let targets = (0..<12).map { _ in generator.nextUniform() }
        let result = GradientCheck.binaryCrossEntropy(
            logits: logits, targets: targets)
        print("gradient check binary cross-entropy: \(result)")
        #expect(result.checked == 12)
        #expect(result.passes, "\(result)")
    }

    @Test func meanSquaredErrorGradientMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 53)
        let outputs = (0..<12).map { _ in generator.nextNormal() }
        let targets = (0..<12).map { _ in generator.nextNormal() }
        let result = GradientCheck.meanSquaredError(
            outputs: outputs, targets: targets)
        print("gradient check mean squared error: \(result)")
        #expect(result.checked == 12)
        #expect(result.passes, "\(result)")
    }

    // MARK: - Whole networks

    func network(
        loss: Loss, outputs: Int, maxBatch: Int = 8, seed: UInt64
    ) throws -> (Network, [Float]) {
        var generator = SeededGenerator(seed: seed)
        let network = Network(
            inputSize: 5,
            hidden: [
                .dense(units: 7, activation: .gelu),
                .dense(units: 6, activation: .leakyReLU(slope: 0.1)),
            ],
            outputs: outputs, loss: loss, initialization: nil,
            maxBatch: maxBatch, generator: &generator)
        let parameters = network.parameters.map { layer in
            (layer.weights,
             layer.bias.map { _ in 0.3 * generator.nextNormal() })
        }
        try network.loadParameters(parameters)
        let inputs = (0..<40).map { _ in generator.nextNormal() }
        return (network, inputs)
    }

    func expectAllPass(_ results: [GradientCheck.LayerResult], _ name: String) {
        #expect(results.count == 3)
        for (index, result) in results.enumerated() {
            print("gradient check \(name) layer \(index + 1): weights "
                  + "\(result.weights); bias \(result.bias)")
            #expect(result.passes, "\(name) layer \(index + 1)")
        }
    }

    @Test func aSmoothedCrossEntropyNetworkPassesTheCheck() throws {
        let (net, inputs) = try network(
            loss: .softmaxCrossEntropy(labelSmoothing: 0.1), outputs: 4,
            seed: 54)
        let results = GradientCheck.network(
            net, inputs: inputs, labels: [0, 1, 2, 3, 3, 2, 1, 0])
        expectAllPass(results, "smoothing 0.1")
    }

    @Test func aBinaryNetworkPassesTheCheckWithLabelsAndTargets() throws {
        let (net, inputs) = try network(
            loss: .binaryCrossEntropy, outputs: 1, seed: 55)
        expectAllPass(
            GradientCheck.network(
                net, inputs: inputs, labels: [0, 1, 1, 0, 1, 0, 0, 1]),
            "binary labels")
        expectAllPass(
            GradientCheck.network(
                net, inputs: inputs,
                targets: [0.1, 0.9, 0.5, 0, 1, 0.3, 0.7, 0.2]),
            "binary targets")
    }

    @Test func aChunkedRegressionNetworkPassesTheCheck() throws {
        // Buffers of 3 rows: the mean must run over all 8 × 2 values.
        let (net, inputs) = try network(
            loss: .meanSquaredError, outputs: 2, maxBatch: 3, seed: 56)
        var generator = SeededGenerator(seed: 57)
        let targets = (0..<16).map { _ in generator.nextNormal() }
        expectAllPass(
            GradientCheck.network(net, inputs: inputs, targets: targets),
            "mse chunked")
    }

    // MARK: - Evaluation and prediction

    func line(loss: Loss, weight: Float, bias: Float) throws -> Network {
        var generator = SeededGenerator(seed: 58)
        let network = Network(
            inputSize: 1, hidden: [], outputs: 1, loss: loss,
            initialization: nil, maxBatch: 3, generator: &generator)
        try network.loadParameters([([weight], [bias])])
        return network
    }

    @Test func regressionEvaluationGivesLossRootAndRSquared() throws {
        // y = 2x + 1 gives 1, 3, 5, 7 against 1, 3, 5, 9: squared errors
        // 0, 0, 0, 4; the targets' spread around 4.5 is 35.
        let network = try line(loss: .meanSquaredError, weight: 2, bias: 1)
        let inputs: [Float] = [0, 1, 2, 3]
        let targets: [Float] = [1, 3, 5, 9]
        let result = network.evaluateRegression(
            inputs: inputs, targets: targets)
        #expect(result.loss == 1)
        #expect(result.rootMeanSquaredError == 1)
        #expect(abs(result.rSquared - (1 - 4.0 / 35)) < 1e-6)
        #expect(network.outputs(inputs: inputs) == [1, 3, 5, 7])
        let trained = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                network.trainingStep(inputs: x, targets: t, count: 4)
            }
        }
        #expect(trained == 1)
    }

    @Test func rSquaredAveragesOverOutputsAndHandlesConstantTargets() {
        var generator = SeededGenerator(seed: 59)
        let network = Network(
            inputSize: 1, hidden: [], outputs: 2, loss: .meanSquaredError,
            initialization: nil, maxBatch: 4, generator: &generator)
        try? network.loadParameters([([1, 0], [0, 5])])
        // Output 1 predicts x exactly (R² 1); output 2 predicts 5 for
        // constant targets 5 (R² 1 by convention).
        let result = network.evaluateRegression(
            inputs: [1, 2, 3], targets: [1, 5, 2, 5, 3, 5])
        #expect(result.rSquared == 1)
        #expect(result.loss == 0)
    }

    @Test func binaryPredictionsSplitAtOneHalf() throws {
        let network = try line(loss: .binaryCrossEntropy, weight: 1, bias: 0)
        let inputs: [Float] = [-2, -0.001, 0, 3]
        #expect(network.predict(inputs: inputs) == [0, 0, 1, 1])
        let probabilities = network.outputs(inputs: inputs)
        #expect(probabilities[2] == 0.5)
        #expect(abs(probabilities[3] - 1 / (1 + exp(-3))) < 1e-7)
        let evaluation = network.evaluate(
            inputs: inputs, labels: [0, 1, 1, 1])
        #expect(evaluation.correct == 3)
        #expect(
            evaluation.loss
                == BinaryCrossEntropy.meanLoss(
                    logits: inputs, targets: [0, 1, 1, 1]))
    }

    @Test func softmaxOutputsAreProbabilitiesThatPickThePrediction() {
        var generator = SeededGenerator(seed: 60)
        let network = Network(
            inputSize: 3, hidden: [.dense(units: 4, activation: .tanh)],
            outputs: 3, initialization: nil, maxBatch: 2,
            generator: &generator)
        let inputs = (0..<15).map { _ in generator.nextNormal() }
        let probabilities = network.outputs(inputs: inputs)
        let predicted = network.predict(inputs: inputs)
        for row in 0..<5 {
            let p = Array(probabilities[(row * 3)..<(row * 3 + 3)])
            #expect(abs(p.reduce(0, +) - 1) < 1e-6)
            #expect(p.firstIndex(of: p.max()!) == predicted[row])
        }
    }

    @Test func evaluationReportsTheSmoothedLossTrainingMinimises() {
        var generator = SeededGenerator(seed: 61)
        let network = Network(
            inputSize: 3, hidden: [.dense(units: 4, activation: .relu)],
            outputs: 3, loss: .softmaxCrossEntropy(labelSmoothing: 0.2),
            initialization: nil, maxBatch: 4, generator: &generator)
        let inputs = (0..<12).map { _ in generator.nextNormal() }
        let labels: [Int32] = [0, 2, 1, 2]
        let trained = inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                network.trainingStep(inputs: x, labels: y, count: 4)
            }
        }
        let evaluated = network.evaluate(inputs: inputs, labels: labels)
        #expect(evaluated.loss == trained)
    }
}
