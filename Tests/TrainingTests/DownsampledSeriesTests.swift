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

@Suite struct DownsampledSeriesRemovalTests {
    @Test func removingPointsAfterAStepKeepsTheEarlierOnes() {
        var series = DownsampledSeries(capacity: 8)
        for step in 1...6 { series.append(step: step, value: Float(step)) }
        series.removePoints(after: 3)
        #expect(series.points.map(\.step) == [1, 2, 3])
        series.append(step: 4, value: 0.5)
        #expect(series.points.last == SeriesPoint(step: 4, value: 0.5))
    }

    @Test func removalForgetsSamplesNotYetAveraged() {
        var series = DownsampledSeries(capacity: 2)
        for step in 1...3 { series.append(step: step, value: 1) }
        // Two samples now make a point; step 4's sample waits for a partner
        // and must not leak into the point after the removal.
        series.append(step: 4, value: 100)
        series.removePoints(after: 2)
        series.append(step: 5, value: 3)
        series.append(step: 6, value: 5)
        #expect(series.points == [
            SeriesPoint(step: 2, value: 1), SeriesPoint(step: 6, value: 4),
        ])
    }
}
