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
            "state    RUNNING",
            "epoch    2/5  step 150",
            "lr       0.05  +/- ×2",
            "momentum 0.9  batch 64",
            "speed    640 samples/s",
            "elapsed  1m05s  eta 35s",
            "val acc  94.1%  best 95.0%",
            "grad     0.0125  layer 1",
            "update   2.5e-4",
            "",
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
            #expect(grid[9, 0].foreground == style.foreground)
            #expect(grid[9, 0].bold)
        }
    }

    @Test func theSessionsMessageIsWrappedUnderTheState() {
        let snapshot = makeSnapshot(
            state: .diverged,
            message: "loss became NaN at step 151: lower the rate with -")
        let lines = panelLines(snapshot, width: 24, height: 6)
        #expect(Array(lines[1...6]) == [
            "state    DIVERGED",
            "loss became NaN at step",
            "151: lower the rate with",
            "-",
            "epoch    2/5  step 150",
            "lr       0.05  +/- ×2",
        ])
    }

    @Test func aFinishedRunShowsTheTestScoreAndNoETA() {
        let snapshot = makeSnapshot(
            state: .finished, epoch: 5, step: 500, elapsedSeconds: 7380,
            testAccuracy: 0.9634, testLoss: 0.1234)
        let lines = panelLines(snapshot, width: 30)
        #expect(lines[5] == "speed    –")
        #expect(lines[6] == "elapsed  2h03m")
        #expect(lines[7] == "val acc  –")
        #expect(lines[8] == "test acc 96.3%  loss 0.123")
    }

    @Test(arguments: [RunState.paused, .diverged])
    func aStoppedRunShowsNoStaleSpeedOrETA(state: RunState) {
        let lines = panelLines(
            makeSnapshot(state: state, samplesPerSecond: 640), width: 30)
        #expect(lines[1].hasPrefix("state    "))
        #expect(lines[5] == "speed    –")
        #expect(lines[6] == "elapsed  1m05s  eta –")
    }

    @Test func aRunningRunWithoutAPaceShowsADashForETA() {
        let lines = panelLines(
            makeSnapshot(samplesPerSecond: 0), width: 30)
        #expect(lines[5] == "speed    0 samples/s")
        #expect(lines[6] == "elapsed  1m05s  eta –")
    }

    @Test func gradientAndUpdateNormsShareOneFormat() {
        let layer = makeLayer(gradientNorm: 0.098, updateNorm: 0.0096)
        let small = makeLayer(gradientNorm: 0.00123, updateNorm: 9.6e-5)
        let lines = panelLines(makeSnapshot(layers: [layer]), width: 30)
        #expect(lines[8] == "grad     0.098  layer 1")
        #expect(lines[9] == "update   0.0096")
        let smallLines = panelLines(makeSnapshot(layers: [small]), width: 30)
        #expect(smallLines[8] == "grad     0.00123  layer 1")
        #expect(smallLines[9] == "update   9.6e-5")
    }

    @Test func longLinesAreCutAtTheEdge() {
        let lines = panelLines(makeSnapshot(), width: 12, height: 4)
        #expect(lines[1] == "state    RUN")
        #expect(lines[2] == "epoch    2/5")
        #expect(lines[3] == "lr       0.0")
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
