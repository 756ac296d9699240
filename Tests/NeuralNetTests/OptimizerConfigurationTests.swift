import Testing

@testable import NeuralNet

@Suite struct OptimizerConfigurationTests {
    @Test func everyKindParsesFromItsName() throws {
        for kind in OptimizerKind.allCases {
            #expect(try OptimizerKind(parsing: kind.rawValue) == kind)
        }
        #expect(try OptimizerKind(parsing: "AdamW") == .adamw)
    }

    @Test func anUnknownNameListsTheKnownOnes() {
        #expect(throws: OptimizerError.unknownKind("adagrad")) {
            try OptimizerKind(parsing: "adagrad")
        }
        #expect(
            OptimizerError.unknownKind("adagrad").description
                == "unknown optimizer 'adagrad'; use one of sgd, adam, "
                + "adamw, rmsprop")
    }

    @Test func eachKindMakesItsOptimizerWithTheSettings() throws {
        var configuration = OptimizerConfiguration(
            kind: .sgd, learningRate: 0.5)
        configuration.momentum = 0.9
        configuration.nesterov = true
        configuration.l1 = 0.01
        configuration.clipNorm = 2
        let sgd = try #require(configuration.makeOptimizer() as? SGD)
        #expect(sgd.learningRate == 0.5 && sgd.momentum == 0.9)
        #expect(sgd.nesterov && sgd.weightDecay == 0)
        #expect(sgd.adjustment == GradientAdjustment(l1: 0.01, clipNorm: 2))

        configuration.kind = .adam
        configuration.nesterov = false
        configuration.beta2 = 0.99
        let adam = try #require(configuration.makeOptimizer() as? Adam)
        #expect(adam.beta1 == 0.9 && adam.beta2 == 0.99)
        #expect(adam.epsilon == 1e-8 && adam.weightDecay == 0)

        configuration.kind = .adamw
        let adamW = try #require(configuration.makeOptimizer() as? AdamW)
        #expect(adamW.weightDecay == 0.01)
        configuration.weightDecay = 0.2
        #expect(configuration.effectiveWeightDecay == 0.2)

        configuration.kind = .rmsprop
        configuration.centered = true
        let rmsProp = try #require(configuration.makeOptimizer() as? RMSProp)
        #expect(rmsProp.alpha == 0.99 && rmsProp.momentum == 0.9)
        #expect(rmsProp.centered && rmsProp.weightDecay == 0.2)
    }

    @Test func settingsOutOfRangeAreRejectedByName() {
        var configuration = OptimizerConfiguration(
            kind: .adam, learningRate: 0.1)
        configuration.beta1 = 1
        #expect(
            throws: OptimizerError.invalidSetting(
                name: "beta1", value: 1, expected: "0 to below 1")
        ) { try configuration.validate() }

        configuration = OptimizerConfiguration(kind: .sgd, learningRate: -1)
        #expect(
            throws: OptimizerError.invalidSetting(
                name: "learning rate", value: -1, expected: "0 or more")
        ) { try configuration.validate() }

        configuration = OptimizerConfiguration(kind: .sgd, learningRate: 1)
        configuration.clipNorm = 0
        #expect(throws: OptimizerError.self) { try configuration.validate() }

        configuration = OptimizerConfiguration(kind: .sgd, learningRate: 1)
        configuration.nesterov = true
        #expect(throws: OptimizerError.nesterovNeedsMomentum) {
            try configuration.makeOptimizer()
        }
    }
}
