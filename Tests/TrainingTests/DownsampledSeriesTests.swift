import Testing
@testable import Training

@Suite struct DownsampledSeriesTests {
    @Test func keepsEveryPointUntilFull() {
        var series = DownsampledSeries(capacity: 4)
        for step in 1...4 { series.append(step: step, value: Float(step)) }
        #expect(series.points.map(\.value) == [1, 2, 3, 4])
        #expect(series.samplesPerPoint == 1)
    }

    @Test func halvesIntoPairMeansWhenFull() {
        var series = DownsampledSeries(capacity: 4)
        for step in 1...5 { series.append(step: step, value: Float(step)) }
        #expect(series.points == [
            SeriesPoint(step: 2, value: 1.5), SeriesPoint(step: 4, value: 3.5),
            SeriesPoint(step: 5, value: 5),
        ])
        #expect(series.samplesPerPoint == 2)
    }

    @Test func averagesLaterSamplesAtTheNewSpacing() {
        var series = DownsampledSeries(capacity: 4)
        for step in 1...7 { series.append(step: step, value: Float(step)) }
        // 5 stands alone from before the halving; 6 and 7 make one point.
        #expect(series.points.map(\.value) == [1.5, 3.5, 5, 6.5])
        #expect(series.points.map(\.step) == [2, 4, 5, 7])
    }

    @Test func staysBoundedOverALongRun() {
        var series = DownsampledSeries(capacity: 64)
        for step in 1...100_000 { series.append(step: step, value: 1) }
        #expect(series.points.count <= 64)
        #expect(series.points.count >= 32)
        #expect(series.points.allSatisfy { $0.value == 1 })
        #expect(series.points.last!.step <= 100_000)
    }
}
