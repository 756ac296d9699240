import Terminal
import Training

/// The dashboard's two pure functions: `update` turns a message into new
/// state and commands for the session, `render` turns state into cells.
///
/// Keys: space pauses a running run and resumes a paused or diverged one
/// (or starts one opened paused); `n` trains one batch and then pauses,
/// whether the run is paused, diverged or running; `+` or `=` multiplies
/// the learning rate by the state's factor and `-` or `_` divides it; `[`
/// and `]` select the previous and next layer, stopping at the first and
/// last (no wrapping, so holding a key lands on an end); `?` toggles the
/// help and Escape closes it; `q` or Ctrl-C quits. `Q` and `N` act like
/// `q` and `n`, so that Caps Lock cannot keep a user from quitting or
/// stepping. Before the first snapshot only quitting and the help work;
/// once the run has finished only layer selection, help and quitting do,
/// and quitting sends nothing since the session has stopped. After a quit
/// request every key is ignored.
public enum Dashboard {
    /// Applies a message; returns the commands to send to the session.
    public static func update(
        _ state: inout DashboardState, _ message: DashboardMessage
    ) -> [Command] {
        switch message {
        case .snapshot(let snapshot):
            state.snapshot = snapshot
            state.selectedLayer = clampedLayer(
                state.selectedLayer, count: snapshot.layers.count)
            return []
        case .key(let key):
            return press(key, state: &state)
        }
    }

    /// Draws the whole screen for a size.
    public static func render(
        _ state: DashboardState, width: Int, height: Int,
        theme: Theme = .standard
    ) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard let layout = DashboardLayout(width: width, height: height) else {
            let need = "\(DashboardLayout.minimumWidth)×"
                + "\(DashboardLayout.minimumHeight)"
            CenteredText(
                ["Terminal too small: \(grid.width)×\(grid.height), "
                    + "need at least \(need)"],
                style: theme.warning
            ).render(into: &grid, area: grid.bounds)
            return grid
        }
        let snapshot = state.snapshot
        TitleBar(snapshot: snapshot, theme: theme)
            .render(into: &grid, area: layout.titleBar)
        KeyHints(
            snapshot: snapshot,
            learningRateFactor: state.learningRateFactor, theme: theme
        ).render(into: &grid, area: layout.keyHints)
        if let snapshot {
            drawRun(snapshot, state: state, layout: layout, theme: theme,
                    into: &grid)
        } else {
            let body = Rect(x: 0, y: 1, width: width, height: height - 2)
            CenteredText(["loading…"], style: theme.dim)
                .render(into: &grid, area: body)
        }
        if state.showHelp {
            HelpOverlay(
                learningRateFactor: state.learningRateFactor, theme: theme
            ).render(into: &grid, area: grid.bounds)
        }
        return grid
    }

    // MARK: - Update

    private static func press(
        _ key: Key, state: inout DashboardState
    ) -> [Command] {
        guard !state.quitRequested else { return [] }
        switch key {
        case .character("q"), .character("Q"), .control("c"):
            state.quitRequested = true
            return state.snapshot?.state == .finished ? [] : [.quit]
        case .character("?"):
            state.showHelp.toggle()
            return []
        case .escape:
            state.showHelp = false
            return []
        default:
            break
        }
        guard let snapshot = state.snapshot else { return [] }
        let layers = snapshot.layers.count
        switch key {
        case .character("["):
            state.selectedLayer = clampedLayer(
                state.selectedLayer - 1, count: layers)
            return []
        case .character("]"):
            state.selectedLayer = clampedLayer(
                state.selectedLayer + 1, count: layers)
            return []
        default:
            break
        }
        guard snapshot.state != .finished else { return [] }
        let factor = state.learningRateFactor
        switch key {
        case .character(" "):
            return [snapshot.state == .running ? .pause : .resume]
        case .character("n"), .character("N"):
            return [.step]
        case .character("+"), .character("="):
            return factor.isFinite && factor > 0
                ? [.scaleLearningRate(factor)] : []
        case .character("-"), .character("_"):
            return factor.isFinite && factor > 0
                ? [.scaleLearningRate(1 / factor)] : []
        default:
            return []
        }
    }

    private static func clampedLayer(_ index: Int, count: Int) -> Int {
        max(0, min(count - 1, index))
    }

    // MARK: - Render

    private static func drawRun(
        _ snapshot: Snapshot, state: DashboardState, layout: DashboardLayout,
        theme: Theme, into grid: inout CellGrid
    ) {
        LossChart(snapshot: snapshot, theme: theme)
            .render(into: &grid, area: layout.chart)
        let layer = clampedLayer(
            state.selectedLayer, count: snapshot.layers.count)
        if snapshot.layers.indices.contains(layer) {
            Heatmap(
                layer: snapshot.layers[layer], index: layer,
                count: snapshot.layers.count, theme: theme
            ).render(into: &grid, area: layout.heatmap)
        } else {
            CenteredText(["no layers to show"], style: theme.dim)
                .render(into: &grid, area: layout.heatmap)
        }
        StatusPanel(
            snapshot: snapshot, selectedLayer: layer,
            learningRateFactor: state.learningRateFactor, theme: theme
        ).render(into: &grid, area: layout.panel)
    }
}
