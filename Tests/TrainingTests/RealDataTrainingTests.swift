import Datasets
import Dispatch
import Testing
@testable import Training

@Suite struct RealDataTrainingTests {
    @Test func digitsReachesNinetyFivePercentValidationAccuracy() throws {
        let data = try DataLoader.load(
            "digits", validationFraction: 0.1, seed: 1)
        let configuration = TrainingConfiguration(
            hiddenLayers: [.init(units: 64, activation: .relu)],
            learningRate: 0.1, momentum: 0, batchSize: 32, epochs: 30,
            seed: 1)
        let session = TrainingSession(configuration: configuration, data: data)
        session.start()
        #expect(session.waitUntilFinished(timeout: .now() + 120))
        let final = session.snapshot
        let accuracy = try #require(final.validationAccuracy.last).value
        #expect(accuracy >= 0.95, "validation accuracy \(accuracy)")
        #expect(final.epochSummaries.count == 30)
        #expect(final.testAccuracy.map { $0 >= 0.95 } == true)
    }
}
