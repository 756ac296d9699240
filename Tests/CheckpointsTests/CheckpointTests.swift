import Checkpoints
import Foundation
import Testing

/// A stand-in for the run state the training module will store.
struct RunState: Codable, Sendable, Equatable {
    var step: Int
    var epoch: Int
    var learningRate: Float
    var generator: UInt64
    var lossHistory: [Float]
}

@Suite struct CheckpointTests {
    let state = RunState(
        step: 1200, epoch: 3, learningRate: 0.05,
        generator: 0xDEAD_BEEF_CAFE_F00D, lossHistory: [2.31, 0.7, 0.1234567])

    let layers = [
        LayerParameters(
            inputs: 2, outputs: 3, weights: [1, 2, 3, 4, 5, 6],
            biases: [0.5, -0.5, 0]),
        LayerParameters(
            inputs: 3, outputs: 1, weights: [7, 8, 9], biases: [-1]),
    ]

    /// A safetensors file with `metadata` and no tensors.
    func bytes(metadata: [String: String]) -> Data {
        SafetensorsFile(tensors: [], metadata: metadata).encoded()
    }

    func loadError(_ data: Data) -> String? {
        errorMessage {
            try Checkpoint<RunState>(decoding: data, file: "/runs/ckpt.st")
        }
    }

    @Test func saveThenLoadGivesBackTensorsAndStateExactly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("ckpt.safetensors")
        let momentum = LayerParameters.linearTensor(
            named: LayerParameters.optimizerWeightName(
                layer: 0, slot: "momentum"),
            inputs: 2, outputs: 3,
            descentLayout: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        let saved = Checkpoint(
            tensors: LayerParameters.tensors(for: layers) + [momentum],
            state: state)
        try saved.save(to: url)

        let loaded = try Checkpoint<RunState>(contentsOf: url)
        #expect(loaded.state == state)
        #expect(loaded.tensors == saved.tensors)
        #expect(
            try LayerParameters.layers(from: loaded.tensors, file: url.path)
                == layers)
        let slot = try #require(
            loaded.tensor(named: "optimizer.layers.0.weight.momentum"))
        #expect(
            try LayerParameters.descentLayout(of: slot, file: url.path)
                == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    }

    @Test func metadataHoldsFormatVersionAndStateAsSortedJSON() throws {
        struct Small: Codable, Sendable { var step = 7; var epoch = 2 }
        let data = try Checkpoint(tensors: [], state: Small()).encoded()
        let file = try SafetensorsFile(decoding: data, file: "x")
        #expect(
            file.metadata == [
                "format": "descent-checkpoint", "version": "1",
                "state": #"{"epoch":2,"step":7}"#,
            ])
    }

    @Test func weightsAreStoredOutByInAsTorchLinearHoldsThem() {
        let tensors = LayerParameters.tensors(for: layers)
        #expect(
            tensors == [
                Tensor(
                    name: "layers.0.weight", shape: [3, 2],
                    values: [1, 4, 2, 5, 3, 6]),
                Tensor(
                    name: "layers.0.bias", shape: [3], values: [0.5, -0.5, 0]),
                Tensor(
                    name: "layers.1.weight", shape: [1, 3], values: [7, 8, 9]),
                Tensor(name: "layers.1.bias", shape: [1], values: [-1]),
            ])
        #expect(
            LayerParameters.optimizerBiasName(layer: 1, slot: "exp_avg_sq")
                == "optimizer.layers.1.bias.exp_avg_sq")
    }

    @Test func newerVersionIsRefusedByNumber() {
        let data = bytes(metadata: [
            "format": "descent-checkpoint", "version": "2", "state": "{}",
        ])
        #expect(
            loadError(data)
                == "ckpt.st was written by a newer Descent (version 2); this "
                + "one reads version 1")
    }

    @Test func filesThatAreNotCheckpointsAreRefused() {
        let cases: [([String: String], String)] = [
            ([:], "ckpt.st: safetensors without a \"format\" in its "
                + "metadata, not a Descent checkpoint; pass a file Descent "
                + "saved"),
            (["format": "pt"], "ckpt.st: format is \"pt\", not "
                + "\"descent-checkpoint\"; pass a file Descent saved"),
            (["format": "descent-checkpoint"], "ckpt.st: checkpoint version "
                + "\"\" is not a version number; the file is damaged"),
            (["format": "descent-checkpoint", "version": "one"], "ckpt.st: "
                + "checkpoint version \"one\" is not a version number; the "
                + "file is damaged"),
            (["format": "descent-checkpoint", "version": "0"], "ckpt.st: "
                + "checkpoint version \"0\" is not a version number; the file "
                + "is damaged"),
            (["format": "descent-checkpoint", "version": "1"], "ckpt.st: "
                + "the checkpoint has no state in its metadata; the file is "
                + "damaged"),
        ]
        for (metadata, message) in cases {
            #expect(loadError(bytes(metadata: metadata)) == message)
        }
    }

    @Test func stateOfTheWrongShapeIsRefused() throws {
        let data = bytes(metadata: [
            "format": "descent-checkpoint", "version": "1",
            "state": #"{"step":1}"#,
        ])
        let message = try #require(loadError(data))
        #expect(message.hasPrefix("ckpt.st: the checkpoint state does not "
            + "decode ("))
        #expect(message.hasSuffix("); the file was written by a different "
            + "program or is damaged"))
    }

    @Test func nonFiniteNumbersInTheStateRoundTripAsText() throws {
        // A regression run's accuracy is NaN and a diverged loss may be
        // infinite: both must survive a save.
        var unusual = state
        unusual.learningRate = .infinity
        let data = try Checkpoint(tensors: [], state: unusual)
            .encoded(file: "/runs/ckpt.st")
        let file = try SafetensorsFile(decoding: data, file: "ckpt.st")
        #expect(file.metadata["state"]?.contains("\"inf\"") == true)
        let back = try Checkpoint<RunState>(decoding: data, file: "ckpt.st")
        #expect(back.state.learningRate == .infinity)

        unusual.learningRate = .nan
        let nan = try Checkpoint<RunState>(
            decoding: try Checkpoint(tensors: [], state: unusual)
                .encoded(file: "ckpt.st"),
            file: "ckpt.st")
        #expect(nan.state.learningRate.isNaN)
    }

    @Test func layersThatDoNotChainAreRefused() {
        var tensors = LayerParameters.tensors(for: layers)
        tensors[2] = Tensor(
            name: "layers.1.weight", shape: [1, 4], values: [1, 2, 3, 4])
        #expect(
            errorMessage {
                try LayerParameters.layers(from: tensors, file: "m.st")
            } == "m.st: tensor \"layers.1.weight\" takes 4 inputs but layer "
                + "0 gives 3; the checkpoint does not hold this network")
        #expect(
            errorMessage {
                try LayerParameters.layers(
                    from: Array(tensors.prefix(1)), file: "m.st")
            } == "m.st: layers.0.weight has no layers.0.bias; the "
                + "checkpoint does not hold this network")
        #expect(
            errorMessage {
                try LayerParameters.layers(
                    from: [
                        tensors[0],
                        Tensor(name: "layers.0.bias", shape: [1], values: [0]),
                    ],
                    file: "m.st")
            } == "m.st: tensor \"layers.0.bias\" has shape [1], expected "
                + "[3]; the checkpoint does not hold this network")
        #expect(
            errorMessage { try LayerParameters.layers(from: [], file: "m.st") }
                == "m.st: no tensor \"layers.0.weight\"; the checkpoint does "
                + "not hold this network")
        #expect(
            errorMessage {
                try LayerParameters.layers(
                    from: [Tensor(name: "layers.0.weight", shape: [6],
                                  values: [1, 2, 3, 4, 5, 6])],
                    file: "m.st")
            } == "m.st: tensor \"layers.0.weight\" has shape [6], not "
                + "[out, in]; the checkpoint does not hold this network")
    }
}
