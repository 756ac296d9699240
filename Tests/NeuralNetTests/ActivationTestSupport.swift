import Testing

@testable import NeuralNet

// Runs activations over arrays for the activation tests.

func forward(_ activation: Activation, _ z: [Float]) -> [Float] {
    var output = [Float](repeating: .nan, count: z.count)
    z.withUnsafeBufferPointer { z in
        output.withUnsafeMutableBufferPointer { a in
            activation.forward(
                z.baseAddress!, into: a.baseAddress!, count: z.count)
        }
    }
    return output
}

/// dL/dz for a given dL/da. relu, tanh and sigmoid read only the output;
/// the others read z too.
func backward(
    _ activation: Activation, z: [Float]? = nil, output: [Float],
    delta: [Float]
) -> [Float] {
    var delta = delta
    (z ?? output).withUnsafeBufferPointer { z in
        output.withUnsafeBufferPointer { a in
            delta.withUnsafeMutableBufferPointer { d in
                activation.backward(
                    preActivation: z.baseAddress!, output: a.baseAddress!,
                    delta: d.baseAddress!, count: a.count)
            }
        }
    }
    return delta
}

/// f'(z): dL/dz for dL/da = 1 everywhere.
func derivative(_ activation: Activation, _ z: [Float]) -> [Float] {
    backward(
        activation, z: z, output: forward(activation, z),
        delta: [Float](repeating: 1, count: z.count))
}

func expectClose(_ got: [Float], _ expected: [Float]) {
    #expect(got.count == expected.count)
    for (g, e) in zip(got, expected) {
        #expect(abs(g - e) <= 1e-6, "got \(g), expected \(e)")
    }
}
