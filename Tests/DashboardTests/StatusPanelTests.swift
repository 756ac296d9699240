import Dashboard
import Terminal
import Testing
import Training

private func panelLines(
    _ snapshot: Snapshot, width: Int, height: Int = 14
) -> [String] {
    let panel = StatusPanel(
        snapshot: snapshot, selectedLayer: 0, learningRateFactor: 2)
    let area = Rect(x: 1, y: 1, width: width, height: height)
    let grid = draw(
        panel, gridWidth: width + 2, gridHeight: height + 2, area: area)
    return grid.lines.map { line in
        // Drop the placeholder frame and the blank end of each line.
        var inner = line.dropFirst().dropLast()
        while inner.last == " " { inner = inner.dropLast() }
        return String(inner)
    }
}

@Suite struct StatusPanelTests {
    @Test func aRunningRunShowsEveryNumber() {
        // 350 steps of 64 samples left at 640 samples/s: 35 seconds.
        let snapshot = makeSnapshot(
            validationAccuracy: [
                SeriesPoint(step: 100, value: 0.95),
                SeriesPoint(step: 150, value: 0.9412),
            ],
            samplesPerSecond: 640)
        let frame = String(repeating: "·", count: 30)
        #expect(panelLines(snapshot, width: 30) == [
            frame,
            "digits · 64-32-10 relu",
            "state    RUNNING",
            "epoch    2/5  step 150",
            "lr       0.05  +/- ×2",
            "momentum 0.9  batch 64",
            "speed    640 samples/s",
            "elapsed  1m05s  eta 35s",
            "val acc  94.1%  best 95.0%",
            "grad     0.013  layer 1",
            "update   2.5e-4",
            "",
            "",
            "",
            "",
            frame,
        ])
    }

    @Test func theStateIsColouredByItsName() {
        let theme = Theme.standard
        for (state, style) in [
            (RunState.running, theme.running), (.paused, theme.paused),
            (.diverged, theme.diverged), (.finished, theme.finished),
        ] {
            let panel = StatusPanel(
                snapshot: makeSnapshot(state: state), selectedLayer: 0,
                learningRateFactor: 2)
            var grid = placeholderGrid(width: 30, height: 3)
            panel.render(into: &grid, area: grid.bounds)
            #expect(grid[9, 1].foreground == style.foreground)
            #expect(grid[9, 1].bold)
        }
    }

    @Test func theSessionsMessageIsWrappedUnderTheState() {
        let snapshot = makeSnapshot(
            state: .diverged,
            message: "loss became NaN at step 151: lower the rate with -")
        let lines = panelLines(snapshot, width: 24, height: 6)
        #expect(Array(lines[1...6]) == [
            "digits · 64-32-10 relu",
            "state    DIVERGED",
            "loss became NaN at step",
            "151: lower the rate with",
            "-",
            "epoch    2/5  step 150",
        ])
    }

    @Test func aFinishedRunShowsTheTestScoreAndNoETA() {
        let snapshot = makeSnapshot(
            state: .finished, epoch: 5, step: 500, elapsedSeconds: 7380,
            testAccuracy: 0.9634, testLoss: 0.1234)
        let lines = panelLines(snapshot, width: 30)
        #expect(lines[7] == "elapsed  2h03m")
        #expect(lines[8] == "val acc  --")
        #expect(lines[9] == "test acc 96.3%  loss 0.12")
    }

    @Test func longLinesAreCutAtTheEdge() {
        let lines = panelLines(makeSnapshot(), width: 12, height: 4)
        #expect(lines[1] == "digits · 64-")
        #expect(lines[3] == "epoch    2/5")
    }

    @Test(arguments: [0, 1, 2])
    func aPanelStaysInsideSmallAreas(size: Int) {
        let panel = StatusPanel(
            snapshot: makeSnapshot(message: "hello"), selectedLayer: 5,
            learningRateFactor: 2)
        let area = Rect(x: 1, y: 1, width: size, height: size)
        let grid = draw(
            panel, gridWidth: size + 2, gridHeight: size + 2, area: area)
        #expect(onlyInside(area, of: grid))
    }
}
