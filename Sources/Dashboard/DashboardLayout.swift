import Terminal

/// Where each part of the dashboard goes on a screen of a given size.
///
/// ```
/// ┌ title bar ───────────────────────────────┐
/// │ loss chart, full width                    │
/// ├ heatmap ──────────────────┬ status panel ─┤
/// └ key hints ────────────────┴───────────────┘
/// ```
/// The chart and the lower half share the rows between the title bar and
/// the hints evenly, except that the lower half keeps twelve rows (what
/// the panel needs) while the chart keeps six. The panel takes a third of
/// the width, between 34 and 48 columns; the heatmap takes the rest.
public struct DashboardLayout: Sendable, Equatable {
    /// The narrowest screen the dashboard draws on.
    public static let minimumWidth = 60
    /// The shortest screen the dashboard draws on.
    public static let minimumHeight = 16

    /// The top row.
    public let titleBar: Rect
    /// The loss chart.
    public let chart: Rect
    /// The weights of the selected layer.
    public let heatmap: Rect
    /// The numbers.
    public let panel: Rect
    /// The bottom row.
    public let keyHints: Rect

    /// The layout for a screen, or nil when the screen is smaller than
    /// ``minimumWidth`` × ``minimumHeight``.
    public init?(width: Int, height: Int) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            return nil
        }
        // One column of margin on each side keeps text off the edges.
        let left = 1, contentWidth = width - 2
        let body = height - 2
        let lowerHeight = max(body / 2, min(12, body - 6))
        let chartHeight = body - lowerHeight
        let panelWidth = min(48, max(34, width / 3))
        let lowerTop = 1 + chartHeight

        titleBar = Rect(x: 0, y: 0, width: width, height: 1)
        chart = Rect(x: left, y: 1, width: contentWidth, height: chartHeight)
        heatmap = Rect(
            x: left, y: lowerTop, width: contentWidth - panelWidth - 2,
            height: lowerHeight)
        panel = Rect(
            x: left + contentWidth - panelWidth, y: lowerTop,
            width: panelWidth, height: lowerHeight)
        keyHints = Rect(x: left, y: height - 1, width: contentWidth, height: 1)
    }
}
