import Testing

import NeuralNet

@Suite struct LayerListTests {
    @Test func aMixedListReadsInOrder() throws {
        let specs = try LayerSpec.parseList(
            "256:relu,128:tanh,dropout:0.2,64", defaultActivation: .gelu)
        #expect(
            specs == [
                .dense(units: 256, activation: .relu),
                .dense(units: 128, activation: .tanh),
                .dropout(0.2),
                .dense(units: 64, activation: .gelu),
            ])
        #expect(specs.map(\.text) == [
            "256:relu", "128:tanh", "dropout:0.2", "64:gelu",
        ])
    }

    @Test func aLeakySlopeStaysWithItsLayer() throws {
        #expect(
            try LayerSpec.parseList(
                "32:leaky_relu:0.2,dropout:0", defaultActivation: .relu)
                == [.dense(units: 32, activation: .leakyReLU(slope: 0.2)),
                    .dropout(0)])
    }

    @Test func noneAndEmptyMeanNoHiddenLayer() throws {
        #expect(try LayerSpec.parseList("none", defaultActivation: .relu) == [])
        #expect(try LayerSpec.parseList("", defaultActivation: .relu) == [])
    }

    @Test func theOldInitializerStillMakesADenseLayer() {
        let spec = LayerSpec(units: 8, activation: .tanh)
        #expect(spec == .dense(units: 8, activation: .tanh))
        #expect(spec.units == 8 && spec.activation == .tanh)
        #expect(spec.dropoutRate == nil)
        #expect(LayerSpec.dropout(0.5).units == nil)
        #expect(LayerSpec.dropout(0.5).dropoutRate == 0.5)
    }

    @Test(arguments: [
        ("128,x", LayerListError.notALayer(item: "x", list: "128,x")),
        ("0", .notALayer(item: "0", list: "0")),
        ("128,,64", .notALayer(item: "", list: "128,,64")),
        ("128:swish", .unknownActivation(item: "128:swish", list: "128:swish")),
        ("dropout", .badDropoutRate(item: "dropout", list: "dropout")),
        ("64,dropout:1", .badDropoutRate(
            item: "dropout:1", list: "64,dropout:1")),
        ("dropout:-0.1", .badDropoutRate(
            item: "dropout:-0.1", list: "dropout:-0.1")),
    ])
    func aBadItemIsNamedInTheError(_ text: String, _ error: LayerListError) {
        #expect(throws: error) {
            try LayerSpec.parseList(text, defaultActivation: .relu)
        }
    }

    @Test func errorMessagesNameTheItemAndTheList() {
        #expect(
            LayerListError.notALayer(item: "x", list: "128,x").description
                == "\"x\" in \"128,x\" is not a layer; give items such as "
                + "256:relu, 128, dropout:0.2 separated by commas (or none "
                + "for no hidden layer)")
        #expect(
            LayerListError.unknownActivation(item: "8:swish", list: "8:swish")
                .description
                == "\"8:swish\" in \"8:swish\" has an unknown activation; "
                + "use one of relu, leaky_relu, leaky_relu:SLOPE, gelu, "
                + "tanh, sigmoid, linear")
        #expect(
            LayerListError.badDropoutRate(item: "dropout:1", list: "dropout:1")
                .description
                == "\"dropout:1\" in \"dropout:1\" has a dropout rate "
                + "outside [0, 1); give a rate such as dropout:0.2")
    }
}
