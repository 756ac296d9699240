import Foundation
import Testing
@testable import Training

/// Learning rates recorded from PyTorch's schedulers by
/// Tests/Fixtures/make_schedules.py (torch 2.13, float64 rates).
private struct ScheduleFixture: Decodable {
    struct Schedule: Decodable {
        var name: String
        var kind: String
        var base: Double
        var stepSize: Int?
        var gamma: Double?
        var warmupSteps: Int?
        var warmupStartFactor: Double?
        var minimumRate: Double?
        var maximumRate: Double?
        var rates: [Double]
    }

    struct Plateau: Decodable {
        var name: String
        var base: Double
        var patience: Int
        var factor: Double
        var cooldown: Int
        var minimumRate: Double
        var losses: [String]
        var epochRates: [Double]
    }

    var stepsPerEpoch: Int
    var epochs: Int
    var schedules: [Schedule]
    var plateaus: [Plateau]

    static func load() throws -> ScheduleFixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/schedules.json")
        return try JSONDecoder().decode(
            ScheduleFixture.self, from: Data(contentsOf: url))
    }
}

extension ScheduleFixture.Schedule {
    var schedule: LearningRateSchedule? {
        switch kind {
        case "constant": .constant
        case "step": .step(stepSize: stepSize ?? 0, gamma: gamma ?? 0)
        case "exponential": .exponential(gamma: gamma ?? 0)
        case "cosine":
            .cosine(
                warmupSteps: warmupSteps ?? 0,
                warmupStartFactor: warmupStartFactor ?? 0,
                minimumRate: minimumRate ?? 0)
        case "oneCycle": .oneCycle(maximumRate: maximumRate)
        default: nil
        }
    }
}

/// Whether a Float rate is within a relative 1e-6 of PyTorch's float64.
private func close(_ rate: Float, _ expected: Double) -> Bool {
    abs(Double(rate) - expected) <= 1e-6 * abs(expected)
}

@Suite struct ScheduleParityTests {
    @Test func fixtureCoversEveryScheduleKind() throws {
        let fixture = try ScheduleFixture.load()
        let kinds = Set(fixture.schedules.map(\.kind))
        #expect(kinds == [
            "constant", "step", "exponential", "cosine", "oneCycle",
        ])
        #expect(fixture.schedules.allSatisfy { $0.schedule != nil })
        #expect(fixture.plateaus.count == 4)
    }

    @Test func everyBatchRateMatchesPyTorch() throws {
        let fixture = try ScheduleFixture.load()
        for recorded in fixture.schedules {
            let schedule = try #require(recorded.schedule)
            var driver = try ScheduledLearningRate(
                base: Float(recorded.base), schedule: schedule,
                stepsPerEpoch: fixture.stepsPerEpoch,
                totalEpochs: fixture.epochs)
            #expect(recorded.rates.count == driver.totalSteps)
            for (step, expected) in recorded.rates.enumerated() {
                let rate = driver.rate(atStep: step)
                #expect(close(rate, expected),
                        "\(recorded.name) step \(step): \(rate) \(expected)")
                if (step + 1) % fixture.stepsPerEpoch == 0,
                   step + 1 < recorded.rates.count {
                    let next = driver.endEpoch(validationLoss: 1)
                    #expect(close(next, recorded.rates[step + 1]),
                            "\(recorded.name) after step \(step)")
                }
            }
        }
    }

    @Test func plateauCutsMatchPyTorchEpochByEpoch() throws {
        let fixture = try ScheduleFixture.load()
        for recorded in fixture.plateaus {
            let settings = PlateauSettings(
                patience: recorded.patience, factor: recorded.factor,
                cooldown: recorded.cooldown,
                minimumRate: recorded.minimumRate)
            var driver = try ScheduledLearningRate(
                base: Float(recorded.base), schedule: .plateau(settings),
                stepsPerEpoch: fixture.stepsPerEpoch,
                totalEpochs: recorded.losses.count)
            let losses = recorded.losses.map { Float(Double($0)!) }
            for (epoch, expected) in recorded.epochRates.enumerated() {
                for batch in 0..<fixture.stepsPerEpoch {
                    let step = epoch * fixture.stepsPerEpoch + batch
                    let rate = driver.rate(atStep: step)
                    #expect(close(rate, expected),
                            "\(recorded.name) epoch \(epoch): \(rate)")
                }
                driver.endEpoch(validationLoss: losses[epoch])
            }
        }
    }
}
