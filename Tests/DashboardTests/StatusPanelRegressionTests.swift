import Terminal
import Testing
@testable import Dashboard
@testable import Training

@Suite struct StatusPanelRegressionTests {
    @Test func aRegressionRunShowsRSquaredAndRMSEInsteadOfAccuracy() {
        var snapshot = Snapshot(
            datasetName: "prices", modelDescription: "3-32-1 tanh",
            state: .finished, epoch: 3, totalEpochs: 3, step: 18,
            stepsPerEpoch: 6,
            hyperparameters: Hyperparameters(
                learningRate: 0.05, momentum: 0, batchSize: 64))
        snapshot.epochSummaries = [EpochSummary(
            epoch: 3, trainingLoss: 0.378, validationLoss: 0.3867,
            validationAccuracy: .nan, samplesPerSecond: 1000,
            learningRate: 0.05, validationRMSE: 0.6218, validationR2: 0.9441)]
        snapshot.testRMSE = 0.6451
        snapshot.testR2 = 0.9428
        snapshot.testLoss = 0.4161
        var grid = CellGrid(width: 40, height: 14, fill: Cell("·"))
        StatusPanel(snapshot: snapshot, selectedLayer: 0, learningRateFactor: 2)
            .render(into: &grid, area: grid.bounds)
        let lines = grid.lines.map {
            $0.replacingOccurrences(of: "·", with: " ")
                .trimmingCharacters(in: .whitespaces)
        }
        #expect(lines.contains("val r2   0.944  rmse 0.622"))
        #expect(lines.contains("test r2  0.943  rmse 0.645"))
        #expect(!lines.contains { $0.hasPrefix("val acc") })
    }
}
