import Testing

@testable import NeuralNet

@Suite struct SoftmaxCrossEntropyTests {
    // Row 1: logits (1, 2, 3), label 2: loss = ln(1 + e^-1 + e^-2)
    //   = ln(1.50321472) = 0.40760596.
    // Row 2: logits (0, 0, 0), label 0: loss = ln 3 = 1.09861229.
    // Mean: 0.75310912.
    let logits: [Float] = [1, 2, 3, 0, 0, 0]
    let labels: [Int32] = [2, 0]

    @Test func meanLossMatchesAHandComputedExample() {
        let loss = SoftmaxCrossEntropy.meanLoss(
            logits: logits, labels: labels, classes: 3)
        #expect(abs(loss - 0.75310912) < 1e-6, "loss \(loss)")
    }

    @Test func gradientIsSoftmaxMinusOneHotOverRows() {
        let gradient = SoftmaxCrossEntropy.meanLossGradient(
            logits: logits, labels: labels, classes: 3)
        // softmax(1, 2, 3) = (0.09003057, 0.24472847, 0.66524096).
        let expected: [Float] = [
            0.09003057 / 2, 0.24472847 / 2, (0.66524096 - 1) / 2,
            (1.0 / 3 - 1) / 2, 1.0 / 6, 1.0 / 6,
        ]
        for (g, e) in zip(gradient, expected) {
            #expect(abs(g - e) < 1e-6, "got \(g), expected \(e)")
        }
    }

    @Test func hugeLogitsStayFinite() {
        let big: [Float] = [1000, 0, -1000, 1000, 0, -1000]
        let loss = SoftmaxCrossEntropy.meanLoss(
            logits: big, labels: [0, 2], classes: 3)
        // Row 1 is certain and right (0), row 2 certain and wrong (2000).
        #expect(loss == 1000)
        let gradient = SoftmaxCrossEntropy.meanLossGradient(
            logits: big, labels: [0, 2], classes: 3)
        #expect(gradient == [0, 0, 0, 0.5, 0, -0.5])
    }

    @Test func gradientRowsSumToZero() {
        var generator = SeededGenerator(seed: 11)
        let logits = (0..<40).map { _ in 3 * generator.nextNormal() }
        let labels: [Int32] = [0, 3, 9, 5]
        let gradient = SoftmaxCrossEntropy.meanLossGradient(
            logits: logits, labels: labels, classes: 10)
        for row in 0..<4 {
            let sum = gradient[(row * 10)..<(row * 10 + 10)].reduce(0, +)
            #expect(abs(sum) < 1e-6)
        }
    }
}
