import Terminal

/// Where the parts of a chart go inside its area; parts that do not fit
/// are nil.
struct ChartFrame {
    /// The whole chart.
    let area: Rect
    /// The legend line at the top.
    let legend: Rect?
    /// Y labels and the vertical axis, left of the plot.
    let gutter: Rect?
    /// The curves.
    let plot: Rect
    /// The horizontal axis, under the plot.
    let axisRow: Int?
    /// The epoch numbers, under the axis.
    let tickLabelRow: Int?

    /// Narrowest plot worth giving labels for.
    static let minimumLabelledPlotWidth = 4

    /// Rows left for the plot in an area of a height: the legend needs
    /// five rows in all, the epoch numbers four, the axis three.
    static func plotRows(areaHeight: Int) -> Int {
        let (legend, axis, tickLabels) = parts(areaHeight: areaHeight)
        return areaHeight - (legend ? 1 : 0) - (axis ? 1 : 0)
            - (tickLabels ? 1 : 0)
    }

    private static func parts(
        areaHeight: Int
    ) -> (legend: Bool, axis: Bool, tickLabels: Bool) {
        (areaHeight >= 5, areaHeight >= 3, areaHeight >= 4)
    }

    /// Splits an area, leaving `labelWidth` columns for the y labels.
    init(area: Rect, labelWidth: Int) {
        self.area = area
        let (hasLegend, hasAxis, hasTickLabels) = Self.parts(
            areaHeight: area.height)
        let top = area.y + (hasLegend ? 1 : 0)
        let plotHeight = Self.plotRows(areaHeight: area.height)
        let gutterWidth = labelWidth + 1
        let hasGutter = hasAxis
            && area.width >= gutterWidth + Self.minimumLabelledPlotWidth
        let left = area.x + (hasGutter ? gutterWidth : 0)

        legend = hasLegend ? area.row(0) : nil
        gutter = hasGutter
            ? Rect(x: area.x, y: top, width: gutterWidth, height: plotHeight)
            : nil
        plot = Rect(
            x: left, y: top, width: area.maxX - left, height: plotHeight)
        axisRow = hasAxis ? top + plotHeight : nil
        tickLabelRow = hasTickLabels ? top + plotHeight + 1 : nil
    }
}
