import Dashboard
import Foundation
import Terminal
import Testing
import Training

/// A run halfway through its second epoch, the rate halved at step 75.
private let goldenSnapshot = makeSnapshot(
    validationLoss: [SeriesPoint(step: 100, value: 0.05)],
    validationAccuracy: [SeriesPoint(step: 100, value: 0.941)],
    samplesPerSecond: 640,
    events: [
        TrainingEvent(
            step: 75, epoch: 1, kind: .learningRate(old: 0.1, new: 0.05)),
    ])

private func dashboard(
    _ snapshot: Snapshot? = goldenSnapshot, showHelp: Bool = false
) -> DashboardState {
    var state = DashboardState()
    if let snapshot { _ = Dashboard.update(&state, .snapshot(snapshot)) }
    state.showHelp = showHelp
    return state
}

private func blankOutside(_ text: String, width: Int) -> String {
    text.padding(toLength: width, withPad: " ", startingAt: 0)
}

@Suite struct ScreenTests {
    @Test func aFixedSnapshotRendersTheseLinesAt80By24() {
        let lines = Dashboard.render(dashboard(), width: 80, height: 24).lines
        #expect(lines.count == 24)
        #expect(lines[0] == " descent  digits · 64-32-10 relu"
            + String(repeating: " ", count: 40) + "RUNNING ")
        #expect(lines[1] == blankOutside(
            " ⣀ loss (EMA 0.9)  • val loss  │ lr change  ┴ epoch  log scale",
            width: 80))
        #expect(lines[2].hasPrefix("  2.00┤⠈⠑⠒⠤⣀ "))
        #expect(lines[8].hasPrefix(" 0.014┤ "))
        // Step 100 (the end of epoch 1) is dot round(100 / 150 × 143) = 95
        // of the 72-cell plot from column 7: column 54.
        #expect(lines[9] == "      └" + String(repeating: "─", count: 47)
            + "┴" + String(repeating: "─", count: 24) + " ")
        #expect(lines[10] == blankOutside(
            String(repeating: " ", count: 54) + "1", width: 80))
        // The panel leaves the data set and model to the title bar.
        #expect(lines[11] == blankOutside(
            " dense 1  64→32 relu  [1/2]" + String(repeating: " ", count: 18)
                + "state    RUNNING", width: 80))
        #expect(lines[13].hasSuffix("  lr       0.05  +/- ×2              "))
        #expect(lines[22] == blankOutside(
            " -3.00 ███████████ +3.00  rows: outputs", width: 80))
        #expect(lines[23] == blankOutside(
            " space pause  n step  +/- lr ×2  [/] layer  q quit  ? help",
            width: 80))
    }

    @Test func theSmallestScreenKeepsBothEndsOfTheHeatmapLegend() {
        let lines = Dashboard.render(dashboard(), width: 60, height: 16).lines
        // 22 columns: nine colours between the two ends.
        #expect(lines[14].hasPrefix(" -3.00 █████████ +3.00   grad"))
    }

    @Test func aRunOpenedPausedOffersToStartIt() {
        let waiting = makeSnapshot(
            state: .paused, epoch: 1, step: 0, trainingLoss: [],
            samplesPerSecond: 0, elapsedSeconds: 0)
        let lines = Dashboard.render(dashboard(waiting), width: 80, height: 24)
            .lines
        #expect(lines[5] == blankOutside(
            " │" + String(repeating: " ", count: 15)
                + "paused: press space to start or n for one batch", width: 80))
        #expect(lines[15].hasSuffix("  speed    –" + String(
            repeating: " ", count: 25)))
        #expect(lines[23].hasPrefix(" space start  n step  "))
    }

    @Test func theRateChangeIsMarkedInItsColumnAt80By24() {
        let grid = Dashboard.render(dashboard(), width: 80, height: 24)
        // Step 75 of 150 is dot round(0.5 × 143) = 72, cell 36 of the plot
        // that starts at column 7 after the labels: column 43.
        for row in [3, 4, 6] {
            #expect(columns(of: "│", row: row, in: grid) == [6, 43])
            #expect(grid[43, row].foreground
                == Theme.standard.learningRateMarker.foreground)
        }
        #expect(columns(of: "•", row: 7, in: grid) == [54])
    }

    @Test func theFullScreenShowsHintsRateAndMarker() {
        let text = Dashboard.render(dashboard(), width: 80, height: 24)
            .lines.joined(separator: "\n")
        #expect(text.contains("q quit"))
        #expect(text.contains("lr       0.05"))
        #expect(text.contains("│ lr change"))
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60), (60, 16), (97, 31)])
    func theLayoutFillsTheScreenWithoutOverlap(size: (Int, Int)) throws {
        let layout = try #require(
            DashboardLayout(width: size.0, height: size.1))
        let parts = [layout.titleBar, layout.chart, layout.heatmap,
                     layout.panel, layout.keyHints]
        for (index, part) in parts.enumerated() {
            #expect(part.x >= 0 && part.x + part.width <= size.0)
            #expect(part.y >= 0 && part.y + part.height <= size.1)
            for other in parts[(index + 1)...] {
                let apart = part.x + part.width <= other.x
                    || other.x + other.width <= part.x
                    || part.y + part.height <= other.y
                    || other.y + other.height <= part.y
                #expect(apart)
            }
        }
        #expect(layout.panel.height >= min(12, size.1 - 8))
        #expect(layout.chart.height + layout.panel.height == size.1 - 2)
    }

    @Test func largerScreensGiveTheChartAndHeatmapTheRoom() throws {
        let small = try #require(DashboardLayout(width: 80, height: 24))
        let large = try #require(DashboardLayout(width: 200, height: 60))
        #expect(small.chart == Rect(x: 1, y: 1, width: 78, height: 10))
        #expect(small.heatmap == Rect(x: 1, y: 11, width: 42, height: 12))
        #expect(small.panel == Rect(x: 45, y: 11, width: 34, height: 12))
        #expect(large.chart == Rect(x: 1, y: 1, width: 198, height: 29))
        #expect(large.heatmap == Rect(x: 1, y: 30, width: 148, height: 29))
        #expect(large.panel == Rect(x: 151, y: 30, width: 48, height: 29))
    }

    @Test func aSmallTerminalSaysSoInTheMiddle() {
        let lines = Dashboard.render(dashboard(), width: 59, height: 16).lines
        // 46 characters centred in 59 columns and 16 rows.
        #expect(lines[7] == blankOutside(
            "      Terminal too small: 59×16, need at least 60×16", width: 59))
        #expect(lines.filter { !$0.allSatisfy { $0 == " " } }.count == 1)
        #expect(DashboardLayout(width: 60, height: 15) == nil)
        #expect(DashboardLayout(width: 60, height: 16) != nil)
    }

    @Test func theTooSmallMessageWrapsOnANarrowScreen() {
        let lines = Dashboard.render(dashboard(), width: 20, height: 5).lines
        #expect(lines == [
            "                    ",
            "Terminal too small: ",
            "20×5, need at least ",
            "       60×16        ",
            "                    ",
        ])
    }

    @Test(arguments: [(0, 0), (1, 1), (0, 5), (5, 0), (1, 3), (2, 2)])
    func renderingTinyScreensIsSafe(size: (Int, Int)) {
        for state in [dashboard(), dashboard(nil), dashboard(showHelp: true)] {
            let grid = Dashboard.render(state, width: size.0, height: size.1)
            #expect(grid.width == size.0 && grid.height == size.1)
        }
    }

    @Test func everySizeUpTo100By30Renders() {
        let states = [dashboard(), dashboard(nil), dashboard(showHelp: true)]
        for width in stride(from: 0, through: 100, by: 7) {
            for height in stride(from: 0, through: 30, by: 3) {
                for state in states {
                    let grid = Dashboard.render(
                        state, width: width, height: height)
                    #expect(grid.lines.count == height)
                }
            }
        }
    }

    @Test func beforeTheFirstSnapshotTheScreenSaysLoading() {
        let lines = Dashboard.render(dashboard(nil), width: 60, height: 16)
            .lines
        #expect(lines[0] == blankOutside(" descent", width: 60))
        #expect(lines[7] == blankOutside(
            String(repeating: " ", count: 26) + "loading…", width: 60))
        #expect(lines[15] == blankOutside(" q quit", width: 60))
    }

    @Test func theHelpIsDrawnOverTheDashboard() {
        let lines = Dashboard.render(
            dashboard(showHelp: true), width: 80, height: 24).lines
        #expect(lines.contains {
            $0.contains("│ n      train one batch, then pause │")
        })
        #expect(lines.contains { $0.contains("│ - _    learning rate ÷2") })
        #expect(lines[23].hasPrefix(" space pause"))
    }
}
