import Foundation
import Testing
@testable import Training

@Suite struct ScheduleTests {
    private func driver(
        _ schedule: LearningRateSchedule, base: Float = 1,
        stepsPerEpoch: Int = 4, epochs: Int = 2
    ) throws -> ScheduledLearningRate {
        try ScheduledLearningRate(
            base: base, schedule: schedule, stepsPerEpoch: stepsPerEpoch,
            totalEpochs: epochs)
    }

    /// Ends one epoch per loss; returns each next epoch's first rate.
    private func endEpochs(
        _ driver: inout ScheduledLearningRate, _ losses: [Float]
    ) -> [Float] {
        losses.map { driver.endEpoch(validationLoss: $0) }
    }

    private func rates(
        _ driver: ScheduledLearningRate, _ steps: Range<Int>
    ) -> [Float] {
        steps.map { driver.rate(atStep: $0) }
    }

    // MARK: - Shapes

    @Test func constantKeepsTheBaseRateEvenPastTheRun() throws {
        let constant = try driver(.constant, base: 0.1)
        #expect(rates(constant, 0..<8) == Array(repeating: 0.1, count: 8))
        #expect(constant.rate(atStep: 1000) == 0.1)
    }

    @Test func stepHalvesEveryTwoEpochs() throws {
        let step = try driver(
            .step(stepSize: 2, gamma: 0.5), base: 0.5, stepsPerEpoch: 3,
            epochs: 5)
        #expect(rates(step, 0..<15) == [
            0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25,
            0.125, 0.125, 0.125,
        ])
    }

    @Test func exponentialMultipliesEveryEpoch() throws {
        let exponential = try driver(.exponential(gamma: 0.5), base: 2)
        #expect(rates(exponential, 0..<8) == [2, 2, 2, 2, 1, 1, 1, 1])
        #expect(exponential.rate(atStep: 12) == 0.25)
    }

    @Test func cosineWarmsUpLinearlyThenFallsToItsFloor() throws {
        let cosine = try driver(
            .cosine(warmupSteps: 4, warmupStartFactor: 0.5,
                    minimumRate: 0.25))
        #expect(rates(cosine, 0..<5) == [0.5, 0.625, 0.75, 0.875, 1])
        // Halfway down the cosine sits halfway between base and floor.
        #expect(cosine.rate(atStep: 6) == 0.625)
        #expect(cosine.rate(atStep: 8) == 0.25)
        #expect(cosine.rate(atStep: 50) == 0.25)
    }

    @Test func cosineDefaultsStartAtTheBaseWithoutWarmup() throws {
        let cosine = try driver(.cosine())
        #expect(cosine.rate(atStep: 0) == 1)
        #expect(cosine.rate(atStep: 4) == 0.5)
        #expect(LearningRateSchedule.cosine()
                == .cosine(warmupSteps: 0, warmupStartFactor: 1.0 / 3,
                           minimumRate: 0))
    }

    @Test func oneCycleRisesToThePeakAndEndsFarBelowTheStart() throws {
        // 10 batches: the peak is batch 0.3 × 10 − 1 = 2.
        let cycle = try driver(
            .oneCycle(maximumRate: 0.5), base: 0.1, stepsPerEpoch: 5)
        #expect(cycle.rate(atStep: 0) == 0.02)
        #expect(cycle.rate(atStep: 2) == 0.5)
        #expect(cycle.rate(atStep: 9) == Float(0.02 / 1e4))
        #expect(cycle.rate(atStep: 30) == Float(0.02 / 1e4))
        let rising = rates(cycle, 0..<3)
        let falling = rates(cycle, 2..<10)
        #expect(rising == rising.sorted())
        #expect(falling == falling.sorted(by: >))
    }

    @Test func oneCyclePeaksAtTheBaseRateWhenNoMaximumIsGiven() throws {
        let cycle = try driver(.oneCycle(), base: 0.5, stepsPerEpoch: 5)
        #expect(cycle.rate(atStep: 2) == 0.5)
        #expect(cycle.rate(atStep: 0) == 0.02)
    }

    @Test func onlyCosineAndOneCycleChangeWithinAnEpoch() {
        let batchwise: [LearningRateSchedule] = [.cosine(), .oneCycle()]
        let epochwise: [LearningRateSchedule] = [
            .constant, .step(stepSize: 1, gamma: 0.5),
            .exponential(gamma: 0.9), .plateau(),
        ]
        #expect(batchwise.map(\.changesEveryBatch) == [true, true])
        #expect(epochwise.map(\.changesEveryBatch)
                == [false, false, false, false])
    }

    @Test func plateauCutsAfterPatienceBadEpochs() throws {
        var plateau = try driver(
            .plateau(PlateauSettings(patience: 1, factor: 0.5)))
        #expect(endEpochs(&plateau, [1, 1, 1]) == [1, 1, 0.5])
        #expect(plateau.rate(atStep: 0) == 0.5)
        #expect(plateau.epochsCompleted == 3)
    }

    @Test func endEpochReturnsTheNextEpochsFirstRate() throws {
        var step = try driver(.step(stepSize: 1, gamma: 0.5))
        #expect(endEpochs(&step, [.nan, .nan]) == [0.5, 0.25])
    }

    @Test func aWarmupAsLongAsTheRunIsRefused() throws {
        #expect(throws: ScheduleError.warmupTooLong(
            warmupSteps: 8, totalSteps: 8)) {
            try driver(.cosine(warmupSteps: 8))
        }
        #expect(try driver(.cosine(warmupSteps: 7)).rate(atStep: 7) == 1)
        #expect(ScheduleError.warmupTooLong(warmupSteps: 8, totalSteps: 8)
            .description == "--schedule cosine: a warmup of 8 batches is "
            + "not shorter than the run (8 batches); use fewer, such as "
            + "cosine:1")
    }

    // MARK: - Live changes

    @Test func scalingKeepsTheScheduleShapeAtTheNewLevel() throws {
        var cosine = try driver(.cosine(warmupSteps: 2))
        let before = rates(cosine, 0..<8)
        let doubled = cosine.scaleRate(by: 2)
        #expect(doubled)
        #expect(rates(cosine, 0..<8) == before.map { $0 * 2 })
        let halved = [cosine.scaleRate(by: 0.5), cosine.scaleRate(by: 0.5)]
        #expect(halved == [true, true])
        #expect(rates(cosine, 0..<8) == before.map { $0 / 2 })
        #expect(cosine.userScale == 0.5)
    }

    @Test func settingARateMakesItTheCurrentRateAndTheShapeContinues()
        throws
    {
        var step = try driver(.step(stepSize: 1, gamma: 0.5), epochs: 3)
        #expect(step.rate(atStep: 4) == 0.5)
        let set = step.setRate(0.3, atStep: 4)
        #expect(set)
        #expect(step.rate(atStep: 4) == 0.3)
        #expect(step.rate(atStep: 7) == 0.3)
        #expect(step.rate(atStep: 8) == Float(0.3) / 2)
        #expect(step.userScale == Double(Float(0.3)) / 0.5)
    }

    @Test func plateauCutsComposeWithALiveChange() throws {
        var plateau = try driver(
            .plateau(PlateauSettings(patience: 0, factor: 0.5)))
        let scaled = plateau.scaleRate(by: 4)
        #expect(scaled)
        #expect(endEpochs(&plateau, [1, 1]) == [4, 2])
        let set = plateau.setRate(3, atStep: 8)
        #expect(set)
        #expect(endEpochs(&plateau, [1]) == [1.5])
        #expect(plateau.scheduledRate(atStep: 0) == 0.25)
    }

    @Test func thePlateauFloorLimitsTheScheduleNotTheUserScale() throws {
        var plateau = try driver(
            .plateau(PlateauSettings(
                patience: 0, factor: 0.5, minimumRate: 0.75)))
        plateau.scaleRate(by: 0.5)
        #expect(endEpochs(&plateau, [1, 1, 1]) == [0.5, 0.375, 0.375])
    }

    @Test func nonsenseChangesAreIgnored() throws {
        var cosine = try driver(.cosine())
        let scaled = [0, -2, .nan, .infinity].map {
            cosine.scaleRate(by: $0)
        }
        let set = [0, -1, .nan, .infinity].map {
            cosine.setRate($0, atStep: 0)
        }
        // Past the run the cosine sits at its zero floor: no scale lifts it.
        let setPastTheRun = cosine.setRate(0.1, atStep: 8)
        #expect(scaled == [false, false, false, false])
        #expect(set == [false, false, false, false])
        #expect(!setPastTheRun)
        #expect(cosine.userScale == 1)
        #expect(cosine.rate(atStep: 0) == 1)
    }

    @Test func theDriverSurvivesAnEncodeDecodeRoundTrip() throws {
        var plateau = try driver(
            .plateau(PlateauSettings(patience: 0, factor: 0.5)))
        plateau.scaleRate(by: 2)
        plateau.endEpoch(validationLoss: 1)
        plateau.endEpoch(validationLoss: 1)
        let data = try JSONEncoder().encode(plateau)
        var copy = try JSONDecoder().decode(
            ScheduledLearningRate.self, from: data)
        #expect(copy == plateau)
        #expect(endEpochs(&copy, [1]) == endEpochs(&plateau, [1]))
        #expect(copy.rate(atStep: 0) == 0.5)
    }
}
