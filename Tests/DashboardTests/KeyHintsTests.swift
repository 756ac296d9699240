import Dashboard
import Terminal
import Testing
import Training

private func hintLine(
    _ state: RunState?, factor: Float = 2, width: Int
) -> String {
    let hints = KeyHints(state: state, learningRateFactor: factor)
    let area = Rect(x: 1, y: 0, width: width, height: 1)
    return draw(hints, gridWidth: width + 2, gridHeight: 1, area: area)
        .lines[0]
}

@Suite struct KeyHintsTests {
    @Test func aRunningRunOffersEveryKey() {
        #expect(hintLine(.running, width: 60)
            == "·space pause  n step  +/- lr ×2  [/] layer  q quit  ? help   ·")
    }

    @Test func aPausedRunOffersToResume() {
        #expect(hintLine(.paused, width: 20) == "·space resume  n step·")
    }

    @Test func aRunOpenedPausedOffersToStart() {
        let waiting = KeyHints(
            snapshot: makeSnapshot(state: .paused, step: 0, trainingLoss: []),
            learningRateFactor: 2)
        let grid = draw(
            waiting, gridWidth: 22, gridHeight: 1,
            area: Rect(x: 1, y: 0, width: 20, height: 1))
        #expect(grid.lines[0] == "·space start  n step ·")
        #expect(KeyHints(
            snapshot: makeSnapshot(state: .paused, step: 1),
            learningRateFactor: 2).hints[0] == ("space", "resume"))
    }

    @Test func onlyAPausedRunWaitsToStart() {
        let running = KeyHints(
            snapshot: makeSnapshot(state: .running, step: 0, trainingLoss: []),
            learningRateFactor: 2)
        #expect(running.hints[0] == ("space", "pause"))
        let diverged = KeyHints(
            state: .diverged, learningRateFactor: 2, isWaitingToStart: true)
        #expect(diverged.hints[0] == ("space", "resume"))
        #expect(KeyHints(snapshot: nil, learningRateFactor: 2).hints.count
            == 1)
    }

    @Test func theFactorComesFromTheState() {
        #expect(hintLine(.running, factor: 1.5, width: 35)
            == "·space pause  n step  +/- lr ×1.5   ·")
    }

    @Test func hintsThatDoNotFitWholeAreLeftOff() {
        #expect(hintLine(.running, width: 20) == "·space pause  n step ·")
        #expect(hintLine(.running, width: 18) == "·space pause       ·")
        #expect(hintLine(.running, width: 10) == "·          ·")
    }

    @Test func aFinishedRunOffersOnlyWhatStillWorks() {
        #expect(hintLine(.finished, width: 26)
            == "·[/] layer  q quit  ? help ·")
    }

    @Test func beforeTheFirstSnapshotOnlyQuitIsOffered() {
        #expect(hintLine(nil, width: 8) == "·q quit  ·")
    }

    @Test func keysAndActionsHaveTheirOwnStyles() {
        let hints = KeyHints(state: .running, learningRateFactor: 2)
        var grid = placeholderGrid(width: 20, height: 1)
        hints.render(into: &grid, area: grid.bounds)
        #expect(grid[0, 0].foreground == Theme.standard.key.foreground)
        #expect(grid[6, 0].foreground == Theme.standard.dim.foreground)
    }

    @Test(arguments: [0, 1])
    func hintsStayInsideSmallAreas(size: Int) {
        let hints = KeyHints(state: .running, learningRateFactor: 2)
        let area = Rect(x: 1, y: 1, width: size, height: size)
        let grid = draw(
            hints, gridWidth: size + 2, gridHeight: size + 2, area: area)
        #expect(onlyInside(area, of: grid))
    }
}
