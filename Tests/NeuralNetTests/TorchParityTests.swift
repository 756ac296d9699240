import Foundation
import Testing

@testable import NeuralNet

/// One network, batch and result that PyTorch computed; written by
/// Tests/Fixtures/make_layers.py.
struct TorchCase: Decodable, CustomTestStringConvertible {
    struct Layer: Decodable {
        var weights: [Float]
        var bias: [Float]
        var weightGradient: [Float]
        var biasGradient: [Float]
    }

    struct DropoutMask: Decodable {
        var rate: Float
        var after: Int
        var keep: [Bool]
    }

    var name: String
    var hidden: [String]
    var outputs: Int
    var loss: String
    var labelSmoothing: Float
    var inputs: [Float]
    var labels: [Int32]?
    var targets: [Float]?
    var dropout: DropoutMask?
    var outputsValues: [Float]
    var lossValue: Float
    var layers: [Layer]

    var testDescription: String { name }

    static let all: [TorchCase] = {
        struct Document: Decodable { var cases: [TorchCase] }
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/layers.json")
        do {
            let data = try Data(contentsOf: url)
            return try JSONDecoder().decode(Document.self, from: data).cases
        } catch {
            fatalError("\(url.path): \(error); run "
                + "Tests/Fixtures/make_layers.py to write it again")
        }
    }()

    /// The network PyTorch ran, with its weights and dropout mask.
    func network() throws -> Network {
        var specs = try LayerSpec.parseList(
            hidden.joined(separator: ","), defaultActivation: .relu)
        if let dropout {
            // `after` counts hidden dense layers; the list has no dropout
            // yet, so the stage goes right after that layer.
            specs.insert(.dropout(dropout.rate), at: dropout.after + 1)
        }
        let loss: Loss =
            switch self.loss {
            case "cross_entropy":
                .softmaxCrossEntropy(labelSmoothing: labelSmoothing)
            case "binary_cross_entropy": .binaryCrossEntropy
            default: .meanSquaredError
            }
        var generator = SeededGenerator(seed: 1)
        let network = Network(
            inputSize: 4, hidden: specs, outputs: outputs, loss: loss,
            initialization: nil, maxBatch: 8, generator: &generator)
        try network.loadParameters(layers.map { ($0.weights, $0.bias) })
        if let dropout { network.dropouts[0].fixMask(dropout.keep) }
        return network
    }

    /// Runs one training step and returns the mean loss.
    func step(_ network: Network) -> Float {
        let rows = inputs.count / 4
        return inputs.withUnsafeBufferPointer { x in
            if let labels {
                labels.withUnsafeBufferPointer { y in
                    network.trainingStep(inputs: x, labels: y, count: rows)
                }
            } else {
                targets!.withUnsafeBufferPointer { t in
                    network.trainingStep(inputs: x, targets: t, count: rows)
                }
            }
        }
    }
}

/// How far two arrays are apart as a fraction of the tolerance
/// `relative` × |torch| + `absolute` (as torch.allclose counts it); at most
/// 1 means every value is within it.
func toleranceUsed(
    _ swift: [Float], _ torch: [Float], relative: Float, absolute: Float
) -> Float {
    #expect(swift.count == torch.count)
    return zip(swift, torch)
        .map { abs($0 - $1) / (relative * abs($1) + absolute) }
        .max() ?? 0
}

// Tolerance, as torch.allclose counts it: |swift - torch| <= 1e-5 ×
// |torch| + 1e-6. The absolute part covers values near zero that come out
// of cancelling sums (a logit of 0.003 from terms of size 1 carries the
// rounding of those terms, about 1e-7). GELU needs no more: PyTorch's
// vectorised erf and the C library's erff agree to a few float32 ulps. The
// largest share of the tolerance any case uses is printed; it was 0.11.
@Suite struct TorchParityTests {
    static let relative: Float = 1e-5
    static let absolute: Float = 1e-6

    @Test(arguments: TorchCase.all)
    func forwardLossAndGradientsMatchPyTorch(_ torch: TorchCase) throws {
        let network = try torch.network()
        let loss = torch.step(network)
        let logits = Array(
            network.layers.last!.output.prefix(torch.outputsValues.count))
        func used(_ swift: [Float], _ torch: [Float]) -> Float {
            toleranceUsed(
                swift, torch, relative: Self.relative,
                absolute: Self.absolute)
        }

        let lossUsed = used([loss], [torch.lossValue])
        let outputsUsed = used(logits, torch.outputsValues)
        var gradientsUsed: Float = 0
        for (layer, expected) in zip(network.layers, torch.layers) {
            gradientsUsed = max(
                gradientsUsed,
                used(layer.weightGradient, expected.weightGradient),
                used(layer.biasGradient, expected.biasGradient))
        }
        print("torch parity \(torch.name): tolerance used: loss "
              + "\(lossUsed), outputs \(outputsUsed), gradients "
              + "\(gradientsUsed)")
        #expect(lossUsed <= 1, "loss \(loss), torch \(torch.lossValue)")
        #expect(outputsUsed <= 1)
        #expect(gradientsUsed <= 1)
    }

    @Test func everyActivationAndLossHasACase() {
        let names = TorchCase.all.map(\.name)
        for activation in Activation.allCases {
            #expect(
                names.contains { $0.contains(" \(activation.rawValue) ") },
                "no case for \(activation.rawValue)")
        }
        for loss in ["cross_entropy", "binary_cross_entropy", "mse"] {
            #expect(TorchCase.all.contains { $0.loss == loss })
        }
        #expect(TorchCase.all.contains { $0.labelSmoothing == 0.1 })
        #expect(TorchCase.all.filter { $0.dropout != nil }.count == 2)
    }

    @Test func evaluationIgnoresDropoutAsPyTorchEvalDoes() throws {
        // Outputs in evaluation equal a network built without the dropout
        // stage: dropout is the identity outside training.
        let torch = TorchCase.all.first { $0.dropout != nil }!
        let withDropout = try torch.network()
        var plain = torch
        plain.dropout = nil
        let without = try plain.network()
        #expect(
            withDropout.outputs(inputs: torch.inputs)
                == without.outputs(inputs: torch.inputs))
    }
}
