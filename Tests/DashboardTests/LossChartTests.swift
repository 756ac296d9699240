@testable import Dashboard
import Terminal
import Testing
import Training

private func points(_ values: [Float], from first: Int = 1) -> [SeriesPoint] {
    values.enumerated().map { SeriesPoint(step: first + $0, value: $1) }
}

// A loss of 1 at every step from 1 to `epochs`.
private func flat(epochs: Int) -> [SeriesPoint] {
    (1...epochs).map { SeriesPoint(step: $0, value: 1) }
}

// Steps 1...8 falling from 4 to 1 in pairs, two epochs of four steps.
private let stairs = points([4, 4, 3, 3, 2, 2, 1, 1])

@Suite struct LossChartTests {
    @Test func smoothingIsAnExponentialMovingAverageOfFiniteValues() {
        let smoothed = LossChart.smoothed(
            points([1, 2, .nan, 4, .infinity]), factor: 0.5)
        #expect(smoothed == [
            SeriesPoint(step: 1, value: 1), SeriesPoint(step: 2, value: 1.5),
            SeriesPoint(step: 4, value: 2.75),
        ])
    }

    @Test func zeroSmoothingKeepsTheRawValues() {
        let raw = points([0.3, 2, 0.01])
        #expect(LossChart.smoothed(raw, factor: 0) == raw)
    }

    @Test func aKnownSeriesGivesKnownBrailleDots() {
        // Dots x = 0...7 (one per step), y = 0, 0, 1, 1, 2, 2, 3, 3.
        let chart = LossChart(
            trainingLoss: points([3, 3, 2, 2, 1, 1, 0, 0], from: 0),
            lastStep: 7, smoothing: 0)
        let area = Rect(x: 1, y: 1, width: 4, height: 1)
        let grid = draw(chart, gridWidth: 6, gridHeight: 3, area: area)
        #expect(grid.lines == ["······", "·⠉⠒⠤⣀·", "······"])
        #expect(grid[2, 1].foreground == Theme.standard.trainingLoss.foreground)
    }

    @Test func aChartShowsLegendLabelsAxisAndEpochs() {
        let chart = LossChart(
            trainingLoss: stairs, lastStep: 8, stepsPerEpoch: 4, smoothing: 0)
        let area = Rect(x: 1, y: 1, width: 14, height: 6)
        let grid = draw(chart, gridWidth: 16, gridHeight: 8, area: area)
        #expect(grid.lines == [
            "················",
            "·⣀ loss        ·",
            "·4.00┤ ⠉⠱⡀     ·",
            "·2.50┤   ⠉⠉⢆⣀  ·",
            "·1.00┤       ⢣⣀·",
            "·    └────┴───┴·",
            "·         1   2·",
            "················",
        ])
    }

    @Test func validationPointsAndRateMarkersSitAtTheirSteps() {
        // Step 2 is dot 4 of 18, cell 2 of the plot, column 8; step 4 is
        // dot 9, column 10; loss 3 is dot row 4, the plot's second row.
        let chart = LossChart(
            trainingLoss: stairs,
            validationLoss: [SeriesPoint(step: 4, value: 3)],
            lastStep: 8, stepsPerEpoch: 4, learningRateChanges: [2],
            smoothing: 0)
        let area = Rect(x: 1, y: 1, width: 14, height: 6)
        let grid = draw(chart, gridWidth: 16, gridHeight: 8, area: area)
        #expect(Array(grid.lines[2...4]) == [
            "·4.00┤ ⠉⠱⡀     ·",
            "·2.50┤  │⠉•⢆⣀  ·",
            "·1.00┤  │    ⢣⣀·",
        ])
        let theme = Theme.standard
        #expect(grid[8, 3].foreground == theme.learningRateMarker.foreground)
        #expect(grid[10, 3].foreground == theme.validationLoss.foreground)
    }

    @Test func aRateChangeFromASnapshotMarksItsColumn() {
        let snapshot = makeSnapshot(
            step: 8, stepsPerEpoch: 4, trainingLoss: stairs,
            events: [
                TrainingEvent(step: 6, epoch: 2, kind: .paused),
                TrainingEvent(
                    step: 7, epoch: 2,
                    kind: .learningRate(old: 0.1, new: 0.05)),
            ])
        let chart = LossChart(snapshot: snapshot, smoothing: 0)
        let area = Rect(x: 1, y: 1, width: 14, height: 6)
        let grid = draw(chart, gridWidth: 16, gridHeight: 8, area: area)
        // Step 7 is dot round(7 / 8 * 17) = 15, cell 7, column 13.
        #expect(columns(of: "│", row: 2, in: grid) == [13])
        #expect(columns(of: "│", row: 3, in: grid) == [13])
    }

    @Test func manyEpochsAreTickedSparsely() {
        // A flat loss labels 1.10, 1.00 and 0.90: the plot keeps 20 of 25
        // columns for 100 epochs. Every tenth epoch would put numbers
        // against each other and ticks in neighbouring columns, every
        // twentieth would leave `80` touching `100`: every fiftieth.
        let chart = LossChart(
            trainingLoss: flat(epochs: 100), lastStep: 100, stepsPerEpoch: 1)
        let grid = draw(
            chart, gridWidth: 25, gridHeight: 5,
            area: Rect(x: 0, y: 0, width: 25, height: 5))
        #expect(grid.lines[1].hasPrefix("1.10┤"))
        #expect(grid.lines[3] == "    └──────────┴────────┴")
        #expect(grid.lines[4] == "               50     100")
    }

    @Test func epochNumbersKeepASteadyNiceStride() {
        // 200 epochs on 75 columns: every tenth number would touch at
        // 100, so every twentieth, ticked every tenth.
        let chart = LossChart(
            trainingLoss: flat(epochs: 200), lastStep: 200, stepsPerEpoch: 1)
        let grid = draw(
            chart, gridWidth: 80, gridHeight: 5,
            area: Rect(x: 0, y: 0, width: 80, height: 5))
        #expect(columns(of: "┴", row: 3, in: grid).count == 20)
        #expect(grid.lines[4] == "            20      40     60      80     "
            + "100    120     140    160     180  200")
    }

    @Test func fewEpochsOnAWideAxisAreEachNumbered() {
        // 9 epochs of 10 steps on 40 columns: four columns an epoch.
        let chart = LossChart(
            trainingLoss: flat(epochs: 90), lastStep: 90, stepsPerEpoch: 10)
        let grid = draw(
            chart, gridWidth: 45, gridHeight: 5,
            area: Rect(x: 0, y: 0, width: 45, height: 5))
        #expect(grid.lines[3]
            == "    └────┴────┴───┴───┴────┴───┴───┴────┴───┴")
        #expect(grid.lines[4]
            == "         1    2   3   4    5   6   7    8   9")
    }

    @Test func theStepAxisIsAtLeastOneEpochWide() {
        // One batch of a 100-step epoch sits at the left edge, not the
        // right; half an epoch reaches the middle.
        let area = Rect(x: 1, y: 1, width: 10, height: 1)
        let first = LossChart(
            trainingLoss: flat(epochs: 1), lastStep: 1, stepsPerEpoch: 100,
            smoothing: 0)
        #expect(draw(first, gridWidth: 12, gridHeight: 3, area: area)
            .lines[1] == "·⠄         ·")
        let half = LossChart(
            trainingLoss: flat(epochs: 50), lastStep: 50, stepsPerEpoch: 100,
            smoothing: 0)
        #expect(draw(half, gridWidth: 12, gridHeight: 3, area: area)
            .lines[1] == "·⠤⠤⠤⠤⠤⠄    ·")
        // Past the first epoch the axis ends at the last step again.
        let later = LossChart(
            trainingLoss: flat(epochs: 300), lastStep: 300,
            stepsPerEpoch: 100, smoothing: 0)
        #expect(draw(later, gridWidth: 12, gridHeight: 3, area: area)
            .lines[1] == "·⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤·")
    }

    @Test func validationPointsStayThreeColumnsApartKeepingTheLatest() {
        // 200 epochs on 75 columns, a falling validation loss.
        let validation = (1...200).map {
            SeriesPoint(step: $0, value: 2 - Float($0) / 200)
        }
        let chart = LossChart(
            trainingLoss: flat(epochs: 200), validationLoss: validation,
            lastStep: 200, stepsPerEpoch: 1)
        let grid = draw(
            chart, gridWidth: 80, gridHeight: 8,
            area: Rect(x: 0, y: 0, width: 80, height: 8))
        let dots = (1...5).flatMap { columns(of: "•", row: $0, in: grid) }
            .sorted()
        #expect(dots.last == 79)
        #expect(zip(dots, dots.dropFirst()).allSatisfy { $1 - $0 == 3 })
        #expect(dots.count == 25)
    }

    @Test func aRunOpenedPausedSaysHowToStart() {
        let snapshot = makeSnapshot(state: .paused, step: 0, trainingLoss: [])
        let grid = draw(
            LossChart(snapshot: snapshot), gridWidth: 62, gridHeight: 8,
            area: Rect(x: 1, y: 1, width: 60, height: 6))
        #expect(grid.lines[3]
            == "·│      paused: press space to start or n for one batch      ·")
        let running = makeSnapshot(state: .running, step: 0, trainingLoss: [])
        let waiting = draw(
            LossChart(snapshot: running), gridWidth: 62, gridHeight: 8,
            area: Rect(x: 1, y: 1, width: 60, height: 6))
        #expect(waiting.lines[3].contains("waiting for the first batch"))
    }

    @Test func nonFiniteLossesAreSkipped() {
        var noisy = stairs
        noisy.insert(SeriesPoint(step: 3, value: .nan), at: 2)
        noisy.insert(SeriesPoint(step: 6, value: .infinity), at: 6)
        let area = Rect(x: 1, y: 1, width: 30, height: 8)
        for smoothing: Float in [0, 0.9] {
            let clean = draw(
                LossChart(trainingLoss: stairs, lastStep: 8,
                          smoothing: smoothing),
                gridWidth: 32, gridHeight: 10, area: area)
            let skipped = draw(
                LossChart(trainingLoss: noisy,
                          validationLoss: [SeriesPoint(step: 4, value: .nan)],
                          lastStep: 8, smoothing: smoothing),
                gridWidth: 32, gridHeight: 10, area: area)
            #expect(skipped == clean)
        }
    }

    @Test func lossesSpanningMoreThanTwoDecadesUseALogScale() {
        let chart = LossChart(
            trainingLoss: points([10, 1, 0.1, 0.01]), lastStep: 4,
            smoothing: 0)
        let area = Rect(x: 0, y: 0, width: 60, height: 7)
        let grid = draw(chart, gridWidth: 60, gridHeight: 7, area: area)
        #expect(grid.lines[0].contains("┴ epoch  log scale "))
        // Four plot rows, 16 dots: the middle label sits at dot 5.5 of 15,
        // 10^(1 - 3 × 5.5 / 15) = 10^-0.1 ≈ 0.794.
        #expect(grid.lines[1].hasPrefix("  10.0┤"))
        #expect(grid.lines[2].hasPrefix("  0.79┤"))
        #expect(grid.lines[4].hasPrefix("1.0e-2┤"))
        let scale = ChartScale(values: [10, 0.01])
        #expect(scale?.isLogarithmic == true)
        #expect(scale?.fractionFromTop(1) == 1.0 / 3)
    }

    @Test func aFlatSeriesIsDrawnAcrossTheMiddle() {
        let scale = ChartScale(values: [0.5, 0.5])
        #expect(scale == ChartScale(values: [0.45, 0.55]))
        #expect(ChartScale(values: [0])?.low == -1)
        #expect(ChartScale(values: []) == nil)
    }

    @Test func aChartWithoutDataSaysItIsWaiting() {
        let chart = LossChart(trainingLoss: [], lastStep: 0)
        let area = Rect(x: 1, y: 1, width: 30, height: 6)
        let grid = draw(chart, gridWidth: 32, gridHeight: 8, area: area)
        #expect(grid.lines[3] == "·│ waiting for the first batch ·")
        #expect(grid.lines[5] == "·└─────────────────────────────·")
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5])
    func aChartStaysInsideSmallAreas(size: Int) {
        let chart = LossChart(
            trainingLoss: stairs,
            validationLoss: [SeriesPoint(step: 8, value: 1)],
            lastStep: 8, stepsPerEpoch: 4, learningRateChanges: [2, 8])
        for (width, height) in [(size, size), (size, 1), (1, size)] {
            let area = Rect(x: 1, y: 1, width: width, height: height)
            let grid = draw(
                chart, gridWidth: size + 2, gridHeight: size + 2, area: area)
            #expect(onlyInside(area, of: grid))
        }
    }

    @Test func aOneByOneChartShowsOneBrailleCell() {
        let chart = LossChart(
            trainingLoss: points([2, 1], from: 0), lastStep: 1, smoothing: 0)
        let area = Rect(x: 1, y: 1, width: 1, height: 1)
        let grid = draw(chart, gridWidth: 3, gridHeight: 3, area: area)
        // Step 0 is dot (0, 0), step 1 dot (1, 3); the line between them
        // adds (0, 1) and (1, 2).
        #expect(grid.lines == ["···", "·⢣·", "···"])
    }
}
