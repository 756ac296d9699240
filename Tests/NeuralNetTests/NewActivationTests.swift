import Foundation
import Testing

@testable import NeuralNet

@Suite struct NewActivationTests {
    @Test func leakyReLUScalesNegativesBySlope() {
        #expect(
            forward(.leakyReLU(slope: 0.2), [-5, -0.5, 0, 3])
                == [-1, -0.1, 0, 3])
        #expect(forward(.leakyReLU, [-100, 2]) == [-1, 2])
    }

    @Test func leakyReLUDerivativeIsOneOrSlope() {
        #expect(
            derivative(.leakyReLU(slope: 0.2), [-5, -0.5, 0, 3])
                == [0.2, 0.2, 0.2, 1])
    }

    @Test func geluMatchesTheExactErfForm() {
        // x Φ(x): Φ(1) = 0.84134475, Φ(2) = 0.97724987.
        expectClose(
            forward(.gelu, [-2, -1, 0, 1, 2]),
            [-0.04550026, -0.15865525, 0, 0.84134475, 1.95449974])
    }

    @Test func geluDerivativeIsPhiPlusZTimesDensity() {
        // Φ(1) + φ(1) = 0.84134475 + 0.24197072; Φ(0) = 0.5;
        // Φ(-1) - φ(-1) = 0.15865525 - 0.24197072.
        expectClose(
            derivative(.gelu, [-1, 0, 1]),
            [-0.08331547, 0.5, 1.08331547])
    }

    @Test func parsingReadsEveryNameAndASlope() throws {
        #expect(try Activation(parsing: "relu") == .relu)
        #expect(try Activation(parsing: "gelu") == .gelu)
        #expect(try Activation(parsing: "tanh") == .tanh)
        #expect(try Activation(parsing: "sigmoid") == .sigmoid)
        #expect(try Activation(parsing: "linear") == .linear)
        #expect(
            try Activation(parsing: "leaky_relu")
                == .leakyReLU(slope: 0.01))
        #expect(
            try Activation(parsing: "leaky_relu:0.2")
                == .leakyReLU(slope: 0.2))
    }

    @Test func parsingRejectsUnknownNamesWithAHint() {
        for text in ["swish", "leaky_relu:", "leaky_relu:x", "Relu", ""] {
            #expect(throws: ActivationParseError(text: text)) {
                try Activation(parsing: text)
            }
        }
        #expect(
            ActivationParseError(text: "swish").description
                == "\"swish\" is not an activation; use one of relu, "
                + "leaky_relu, leaky_relu:SLOPE (such as leaky_relu:0.2), "
                + "gelu, tanh, sigmoid, linear")
    }

    @Test func namesAndTextFormsRoundTrip() {
        #expect(Activation.leakyReLU(slope: 0.2).name == "leaky_relu(0.2)")
        #expect(Activation.leakyReLU(slope: 0.2).rawValue == "leaky_relu:0.2")
        #expect(Activation.leakyReLU.rawValue == "leaky_relu")
        for activation in Activation.allCases + [.leakyReLU(slope: 0.3)] {
            #expect(Activation(rawValue: activation.rawValue) == activation)
        }
        #expect(
            Activation.allCases.map(\.name)
                == ["relu", "tanh", "sigmoid", "linear", "leaky_relu(0.01)",
                    "gelu"])
    }

    @Test func slopesCompareAsNumbersNotAsText() {
        let zero = Activation.leakyReLU(slope: 0)
        let negativeZero = Activation.leakyReLU(slope: -0.0)
        #expect(zero == negativeZero)
        #expect(Set([zero, negativeZero]).count == 1)
        #expect(Activation.leakyReLU(slope: 0.2) != .leakyReLU)
        #expect(Activation.relu != .leakyReLU(slope: 0))
    }

    @Test func doubleReferenceAgreesWithTheFloatKernels() {
        let z: [Float] = [-3, -1.5, -0.25, 0.25, 1.5, 3]
        for activation in [Activation.leakyReLU(slope: 0.2), .gelu] {
            for (input, a) in zip(z, forward(activation, z)) {
                let reference = activation.value(Double(input))
                #expect(abs(reference - Double(a)) < 1e-6)
            }
        }
    }
}
