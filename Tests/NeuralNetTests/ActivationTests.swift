import Foundation
import Testing

@testable import NeuralNet

@Suite struct ActivationTests {
    // ln 2 and ln 3 give exact rational values: tanh(ln 2) = 3/5,
    // sigmoid(ln 3) = 3/4.
    let inputs: [Float] = [-log(3), -log(2), -0.5, 0, 0.5, log(2), log(3)]

    @Test func reluKeepsPositivesAndZeroesTheRest() {
        #expect(
            forward(.relu, [-3, -0.5, 0, 0.25, 7])
                == [0, 0, 0, 0.25, 7])
    }

    @Test func tanhForwardMatchesKnownValues() {
        expectClose(
            forward(.tanh, inputs),
            [-0.8, -0.6, -0.46211716, 0, 0.46211716, 0.6, 0.8])
    }

    @Test func sigmoidForwardMatchesKnownValues() {
        expectClose(
            forward(.sigmoid, inputs),
            [0.25, 1.0 / 3, 0.37754067, 0.5, 0.62245933, 2.0 / 3, 0.75])
    }

    @Test func sigmoidSaturatesWithoutNaN() {
        #expect(forward(.sigmoid, [-1000, -100, 100, 1000]) == [0, 0, 1, 1])
    }

    @Test func linearIsTheIdentity() {
        #expect(forward(.linear, inputs) == inputs)
    }

    @Test func forwardMayWorkInPlace() {
        var values: [Float] = [-1, 2]
        values.withUnsafeMutableBufferPointer { v in
            Activation.relu.forward(
                v.baseAddress!, into: v.baseAddress!, count: 2)
        }
        #expect(values == [0, 2])
    }

    @Test func reluBackwardPassesGradientOnlyWhereActive() {
        #expect(
            backward(.relu, output: [0, 0, 0.5, 3], delta: [4, 5, 6, 7])
                == [0, 0, 6, 7])
    }

    @Test func tanhBackwardUsesOneMinusOutputSquared() {
        // At z = ln 2, a = 0.6 and tanh' = 1 - 0.36 = 0.64.
        let a = forward(.tanh, [log(2), 0])
        expectClose(backward(.tanh, output: a, delta: [2, 3]), [1.28, 3])
    }

    @Test func sigmoidBackwardUsesOutputTimesOneMinusOutput() {
        // At z = ln 3, a = 0.75 and sigmoid' = 0.75 × 0.25 = 0.1875.
        let a = forward(.sigmoid, [log(3), 0])
        expectClose(backward(.sigmoid, output: a, delta: [2, 1]), [0.375, 0.25])
    }

    @Test func linearBackwardLeavesTheGradientAlone() {
        #expect(backward(.linear, output: [5, -5], delta: [2, 3]) == [2, 3])
    }

    @Test func doubleReferenceAgreesWithTheFloatKernels() {
        for activation in Activation.allCases {
            let floats = forward(activation, inputs)
            for (z, a) in zip(inputs, floats) {
                let reference = activation.value(Double(z))
                #expect(abs(reference - Double(a)) < 1e-6, "\(activation) \(z)")
            }
        }
    }
}
