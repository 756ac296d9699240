import Testing
import Training

@Suite struct ClassificationReportTests {
    private let report = ClassificationReport(
        classNames: ["cat", "dog", "owl"],
        labels: [0, 0, 0, 1, 1, 2],
        predictions: [0, 0, 1, 1, 1, 0])

    @Test func countsActualAgainstPredicted() {
        #expect(report.matrix == [[2, 1, 0], [0, 2, 0], [1, 0, 0]])
        #expect(report.total == 6)
        #expect(report.accuracy == 4.0 / 6.0)
    }

    @Test func precisionAndRecallPerClass() {
        #expect(report.precision(of: 0) == 2.0 / 3.0)
        #expect(report.recall(of: 0) == 2.0 / 3.0)
        #expect(report.precision(of: 1) == 2.0 / 3.0)
        #expect(report.recall(of: 1) == 1)
        // Nothing was predicted as an owl, and the one owl was missed.
        #expect(report.precision(of: 2) == nil)
        #expect(report.recall(of: 2) == 0)
    }

    @Test func printsAReportAndTheMatrix() {
        #expect(report.text == """
            class  precision     recall  samples
              cat      66.7%      66.7%        3
              dog      66.7%     100.0%        2
              owl          –       0.0%        1

            confusion matrix (rows: actual, columns: predicted)
                  cat dog owl
              cat   2   1   0
              dog   0   2   0
              owl   1   0   0
            """)
    }
}
