import Terminal
import Training

/// One layer's weights as coloured half-blocks: two pixels per cell (`▀`
/// with the upper pixel as foreground and the lower as background), blue
/// for negative, dark near zero, red for positive.
///
/// The longer side of the matrix runs across the screen, since terminals
/// are wide: a 784→128 layer shows its 128 outputs as rows and its 784
/// inputs as columns. The matrix is average-pooled to fit, or each weight
/// repeated in a block when the area is larger. Colours are symmetric
/// around zero, with a limit at the 98th percentile of the layer's raw
/// weight magnitudes, so one outlier does not wash out the rest and the
/// scale does not change with the window's size (averaged cells are paler
/// than the weights they pool, as they should be). A title names the
/// layer; the legend is a bar of the colours from -limit through 0 to
/// +limit between those two numbers, with fewer colour steps when the
/// area is narrow.
public struct Heatmap: Widget {
    /// The layer shown.
    public var layer: LayerView
    /// Its position among the network's layers, 0-based.
    public var index: Int
    /// How many layers the network has.
    public var count: Int
    /// Colours.
    public var theme: Theme

    /// Fraction of weight magnitudes that stay below the colour limit.
    public static let limitPercentile = 0.98

    /// Creates the heatmap of a layer.
    public init(
        layer: LayerView, index: Int, count: Int, theme: Theme = .standard
    ) {
        self.layer = layer
        self.index = index
        self.count = count
        self.theme = theme
    }

    /// Draws the title, the map and the legend.
    public func render(into grid: inout CellGrid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.clear(area, style: theme.text)
        let title = "\(layer.name)  [\(index + 1)/\(count)]"
        grid.write(
            title, x: area.x, y: area.y, style: theme.heading,
            clippedTo: area)
        guard area.height >= 2 else { return }
        let hasLegend = area.height >= 3
        let mapArea = Rect(
            x: area.x, y: area.y + 1, width: area.width,
            height: area.height - (hasLegend ? 2 : 1))

        guard let matrix = WeightMatrix(layer: layer) else {
            grid.write(
                "no weights to show", x: area.x, y: mapArea.y,
                style: theme.dim, clippedTo: area)
            return
        }
        let pixels = matrix.resampled(
            rows: mapArea.height * 2, columns: mapArea.width)
        let limit = Self.colourLimit(of: layer.weights)
        drawPixels(pixels, limit: limit, into: &grid, area: mapArea)
        if hasLegend {
            legend(
                limit: limit, transposed: matrix.isTransposed,
                width: area.width
            ).render(into: &grid, area: area.row(area.height - 1))
        }
    }

    /// The colour of a weight for a symmetric limit: the theme's scale
    /// split evenly between -limit and +limit, values beyond it clamped.
    public func colour(of value: Float, limit: Float) -> TerminalColor {
        guard value.isFinite else { return theme.heatmapNonFinite }
        let scale = theme.heatmapScale
        let half = scale.count / 2
        guard limit > 0 else { return scale[half] }
        let level = (Double(value / limit) * Double(half)).rounded()
        return scale[half + Int(max(-Double(half), min(Double(half), level)))]
    }

    /// The magnitude that gets the strongest colours: the
    /// ``limitPercentile`` of the finite magnitudes (nearest rank), 0 when
    /// there is none.
    ///
    /// - Complexity: O(n) expected, by selection rather than sorting, as
    ///   it runs on every frame drawn.
    public static func colourLimit(of values: [Float]) -> Float {
        // values (n) -> one magnitude
        var magnitudes: [Float] = []
        magnitudes.reserveCapacity(values.count)
        for value in values where value.isFinite {
            magnitudes.append(abs(value))
        }
        guard !magnitudes.isEmpty else { return 0 }
        let rank = Int((limitPercentile * Double(magnitudes.count))
            .rounded(.up))
        return magnitudes.select(rank: max(0, rank - 1))
    }

    private func drawPixels(
        _ pixels: WeightMatrix.Pixels, limit: Float,
        into grid: inout CellGrid, area: Rect
    ) {
        for cellRow in 0..<(pixels.rows + 1) / 2 {
            for column in 0..<pixels.columns {
                let upper = pixels[2 * cellRow, column]
                // An odd pixel count leaves the last lower half empty.
                let lower = 2 * cellRow + 1 < pixels.rows
                    ? colour(of: pixels[2 * cellRow + 1, column], limit: limit)
                    : TerminalColor.standard
                grid.put(
                    Cell(
                        "▀", foreground: colour(of: upper, limit: limit),
                        background: lower),
                    x: area.x + column, y: area.y + cellRow, clippedTo: area)
            }
        }
    }

    // `-0.04 ███████████ +0.04  rows: outputs`: one cell per colour of
    // the theme's scale, or the most that fit, always an odd count so
    // that the middle cell is zero's colour.
    private func legend(
        limit: Float, transposed: Bool, width: Int
    ) -> SpanLine {
        let magnitude = NumberFormat.compact(Double(limit))
        let low = limit > 0 ? "-" + magnitude : magnitude
        let high = limit > 0 ? "+" + magnitude : magnitude
        let room = width - low.count - high.count - 2
        let full = theme.heatmapScale.count
        let cells = min(full, max(3, room - (room + 1) % 2))
        var bar: [SpanLine.Span] = [.init(text: low + " ", style: theme.dim)]
        for cell in 0..<cells {
            let fraction = cells > 1
                ? Float(2 * cell) / Float(cells - 1) - 1 : 0
            bar.append(.init(
                text: "█",
                style: Style(foreground: colour(
                    of: fraction * limit, limit: limit))))
        }
        bar.append(.init(text: " " + high, style: theme.dim))
        let orientation = transposed ? "rows: outputs" : "rows: inputs"
        return SpanLine(items: [
            bar, [.init(text: orientation, style: theme.dim)],
        ])
    }
}
