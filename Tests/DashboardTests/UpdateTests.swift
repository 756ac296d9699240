import Dashboard
import Terminal
import Testing
import Training

/// Replays messages through `update`, collecting every command sent.
private func replay(
    _ messages: [DashboardMessage], into state: inout DashboardState
) -> [Command] {
    messages.flatMap { Dashboard.update(&state, $0) }
}

private func key(_ character: Character) -> DashboardMessage {
    .key(.character(character))
}

private func stateWith(
    _ snapshot: Snapshot, factor: Float = 2
) -> DashboardState {
    var state = DashboardState(learningRateFactor: factor)
    _ = Dashboard.update(&state, .snapshot(snapshot))
    return state
}

@Suite struct UpdateTests {
    @Test func aSnapshotIsStoredAndSendsNothing() {
        var state = DashboardState()
        let snapshot = makeSnapshot()
        #expect(Dashboard.update(&state, .snapshot(snapshot)) == [])
        #expect(state.snapshot == snapshot)
    }

    @Test func spacePausesARunningRun() {
        var state = stateWith(makeSnapshot(state: .running))
        #expect(Dashboard.update(&state, key(" ")) == [.pause])
    }

    @Test(arguments: [RunState.paused, .diverged])
    func spaceResumesAPausedOrDivergedRun(runState: RunState) {
        var state = stateWith(makeSnapshot(state: runState))
        #expect(Dashboard.update(&state, key(" ")) == [.resume])
    }

    @Test func pauseAndResumeFollowTheLatestSnapshot() {
        var state = DashboardState()
        let commands = replay([
            .snapshot(makeSnapshot(state: .running)), key(" "),
            .snapshot(makeSnapshot(state: .paused)), key(" "),
            .snapshot(makeSnapshot(state: .running)), key(" "),
            .snapshot(makeSnapshot(state: .diverged)), key(" "),
        ], into: &state)
        #expect(commands == [.pause, .resume, .pause, .resume])
    }

    @Test(arguments: [RunState.paused, .running, .diverged])
    func nTrainsOneStepInAnyUnfinishedState(runState: RunState) {
        var state = stateWith(makeSnapshot(state: runState))
        #expect(Dashboard.update(&state, key("n")) == [.step])
    }

    @Test func capitalNStepsLikeN() {
        var state = stateWith(makeSnapshot(state: .running))
        #expect(Dashboard.update(&state, key("N")) == [.step])
    }

    @Test func plusAndEqualsScaleTheLearningRateUpByTheFactor() {
        var state = stateWith(makeSnapshot())
        #expect(replay([key("+"), key("=")], into: &state)
            == [.scaleLearningRate(2), .scaleLearningRate(2)])
        var fourfold = stateWith(makeSnapshot(), factor: 4)
        #expect(Dashboard.update(&fourfold, key("+"))
            == [.scaleLearningRate(4)])
    }

    @Test func minusAndUnderscoreScaleTheLearningRateDownByTheFactor() {
        var state = stateWith(makeSnapshot())
        #expect(replay([key("-"), key("_")], into: &state)
            == [.scaleLearningRate(0.5), .scaleLearningRate(0.5)])
        var fourfold = stateWith(makeSnapshot(), factor: 4)
        #expect(Dashboard.update(&fourfold, key("-"))
            == [.scaleLearningRate(0.25)])
    }

    @Test func aFactorThatIsNotPositiveSendsNothing() {
        var state = stateWith(makeSnapshot())
        state.learningRateFactor = 0
        #expect(replay([key("+"), key("-")], into: &state) == [])
    }

    @Test func layerSelectionStopsAtTheFirstAndLastLayer() {
        let layers = (1...3).map { makeLayer(name: "dense \($0)") }
        var state = stateWith(makeSnapshot(layers: layers))
        #expect(replay(Array(repeating: key("]"), count: 5), into: &state)
            == [])
        #expect(state.selectedLayer == 2)
        _ = Dashboard.update(&state, key("["))
        #expect(state.selectedLayer == 1)
        _ = replay(Array(repeating: key("["), count: 5), into: &state)
        #expect(state.selectedLayer == 0)
    }

    @Test func aSnapshotWithFewerLayersClampsTheSelection() {
        let three = (1...3).map { makeLayer(name: "dense \($0)") }
        var state = stateWith(makeSnapshot(layers: three))
        _ = replay([key("]"), key("]")], into: &state)
        _ = Dashboard.update(
            &state, .snapshot(makeSnapshot(layers: [makeLayer()])))
        #expect(state.selectedLayer == 0)
        _ = Dashboard.update(&state, .snapshot(makeSnapshot(layers: [])))
        _ = Dashboard.update(&state, key("]"))
        #expect(state.selectedLayer == 0)
    }

    @Test(arguments: [Key.character("q"), .character("Q"), .control("c")])
    func quitKeysSendQuitAndRequestIt(quitKey: Key) {
        var state = stateWith(makeSnapshot(state: .paused))
        #expect(Dashboard.update(&state, .key(quitKey)) == [.quit])
        #expect(state.quitRequested)
    }

    @Test func quittingAFinishedRunOnlyRequestsIt() {
        for quitKey: Character in ["q", "Q"] {
            var state = stateWith(makeSnapshot(state: .finished))
            #expect(Dashboard.update(&state, key(quitKey)) == [])
            #expect(state.quitRequested)
        }
    }

    @Test func afterQuitEveryKeyIsIgnored() {
        var state = stateWith(makeSnapshot(state: .running))
        _ = Dashboard.update(&state, key("q"))
        let before = state
        #expect(replay(
            [key(" "), key("n"), key("+"), key("q"), key("?"), key("]")],
            into: &state) == [])
        #expect(state == before)
    }

    @Test func aFinishedRunTakesNoTrainingCommands() {
        let layers = (1...2).map { makeLayer(name: "dense \($0)") }
        var state = stateWith(makeSnapshot(state: .finished, layers: layers))
        #expect(replay(
            [key(" "), key("n"), key("N"), key("+"), key("-")], into: &state)
            == [])
        _ = Dashboard.update(&state, key("]"))
        #expect(state.selectedLayer == 1)
    }

    @Test func keysBeforeTheFirstSnapshotAreIgnored() {
        var state = DashboardState()
        let commands = replay(
            [key(" "), key("n"), key("+"), key("-"), key("["), key("]")],
            into: &state)
        #expect(commands == [])
        #expect(state == DashboardState())
    }

    @Test func quitWorksBeforeTheFirstSnapshot() {
        var state = DashboardState()
        #expect(Dashboard.update(&state, .key(.control("c"))) == [.quit])
        #expect(state.quitRequested)
    }

    @Test func questionMarkTogglesTheHelpAndEscapeClosesIt() {
        var state = stateWith(makeSnapshot())
        _ = Dashboard.update(&state, key("?"))
        #expect(state.showHelp)
        _ = Dashboard.update(&state, key("?"))
        #expect(!state.showHelp)
        _ = Dashboard.update(&state, key("?"))
        #expect(Dashboard.update(&state, .key(.escape)) == [])
        #expect(!state.showHelp)
    }

    @Test func otherKeysChangeNothing() {
        var state = stateWith(makeSnapshot())
        let before = state
        #expect(replay(
            [key("x"), key("P"), .key(.up), .key(.enter), .key(.control("d"))],
            into: &state) == [])
        #expect(state == before)
    }
}
