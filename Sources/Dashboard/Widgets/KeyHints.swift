import Terminal
import Training

/// One line naming the keys that do something now, such as
/// `space pause  n step  +/- lr ×2  [/] layer  q quit  ? help`; hints
/// that do not fit whole are left off from the right.
public struct KeyHints: Widget {
    /// The run's state, or nil before the first snapshot.
    public var state: RunState?
    /// The factor the `+` and `-` keys scale the learning rate by.
    public var learningRateFactor: Float
    /// True while a run opened paused has not trained its first batch, so
    /// space starts it rather than resumes it.
    public var isWaitingToStart: Bool
    /// Colours.
    public var theme: Theme

    /// Creates the hints for a state.
    public init(
        state: RunState?, learningRateFactor: Float,
        isWaitingToStart: Bool = false, theme: Theme = .standard
    ) {
        self.state = state
        self.learningRateFactor = learningRateFactor
        self.isWaitingToStart = isWaitingToStart
        self.theme = theme
    }

    /// Creates the hints for a run, or for none before the first snapshot.
    public init(
        snapshot: Snapshot?, learningRateFactor: Float,
        theme: Theme = .standard
    ) {
        self.init(
            state: snapshot?.state, learningRateFactor: learningRateFactor,
            isWaitingToStart: snapshot?.isWaitingToStart ?? false,
            theme: theme)
    }

    /// The hints as key and action pairs, in the order shown.
    public var hints: [(key: String, action: String)] {
        let factor = "lr ×" + NumberFormat.factor(learningRateFactor)
        switch state {
        case nil:
            return [("q", "quit")]
        case .finished:
            return [("[/]", "layer"), ("q", "quit"), ("?", "help")]
        case .running, .paused, .diverged:
            let space = state == .running ? "pause"
                : state == .paused && isWaitingToStart ? "start" : "resume"
            return [
                ("space", space),
                ("n", "step"), ("+/-", factor), ("[/]", "layer"),
                ("q", "quit"), ("?", "help"),
            ]
        }
    }

    /// Draws the hints on the first row of the area.
    public func render(into grid: inout CellGrid, area: Rect) {
        let area = area.intersection(grid.bounds)
        grid.clear(area, style: theme.text)
        SpanLine(items: hints.map { hint in
            [.init(text: hint.key, style: theme.key),
             .init(text: " " + hint.action, style: theme.dim)]
        }).render(into: &grid, area: area)
    }
}
