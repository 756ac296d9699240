import Terminal
import Training

/// The top row: the program, the data set and model on the left, the run
/// state on the right, on a coloured bar.
public struct TitleBar: Widget {
    /// The run, or nil before the first snapshot.
    public var snapshot: Snapshot?
    /// Colours.
    public var theme: Theme

    /// Creates a title bar.
    public init(snapshot: Snapshot?, theme: Theme = .standard) {
        self.snapshot = snapshot
        self.theme = theme
    }

    /// Draws the bar across the first row of the area.
    public func render(into grid: inout CellGrid, area: Rect) {
        let bar = area.intersection(grid.bounds).row(0)
            .intersection(grid.bounds)
        guard !bar.isEmpty else { return }
        let barStyle = theme.titleBar
        grid.fill(bar, with: Cell(" ", style: barStyle))
        var title = " descent"
        if let snapshot {
            title += "  \(snapshot.datasetName) · \(snapshot.modelDescription)"
        }
        let used = grid.write(
            title, x: bar.x, y: bar.y, style: barStyle, clippedTo: bar)
        guard let state = snapshot?.state else { return }
        let label = state.label + " "
        let start = bar.maxX - label.count
        guard start > bar.x + used else { return }
        var stateStyle = theme.style(for: state)
        stateStyle.background = barStyle.background
        grid.write(label, x: start, y: bar.y, style: stateStyle, clippedTo: bar)
    }
}
