import Terminal

/// A framed list of every key, centred over whatever is beneath.
///
/// Unlike the other widgets it paints only its box inside the area, since
/// the screen around it should stay visible.
public struct HelpOverlay: Widget {
    /// The factor the `+` and `-` keys scale the learning rate by.
    public var learningRateFactor: Float
    /// Colours.
    public var theme: Theme

    /// Creates the help.
    public init(learningRateFactor: Float, theme: Theme = .standard) {
        self.learningRateFactor = learningRateFactor
        self.theme = theme
    }

    /// The keys and what they do, in the order shown.
    public var entries: [(keys: String, action: String)] {
        let factor = NumberFormat.factor(learningRateFactor)
        return [
            ("space", "pause or resume"),
            ("n", "train one batch, then pause"),
            ("+ =", "learning rate ×" + factor),
            ("- _", "learning rate ÷" + factor),
            ("[ ]", "previous / next layer"),
            ("?", "show or hide this help"),
            ("q ^C", "quit"),
        ]
    }

    /// Draws the box in the middle of the area.
    public func render(into grid: inout CellGrid, area: Rect) {
        let area = area.intersection(grid.bounds)
        let keyWidth = entries.map(\.keys.count).max() ?? 0
        let lines = entries.map { entry in
            (entry.keys.padding(to: keyWidth), entry.action)
        }
        let lineWidth = lines.map { $0.0.count + 2 + $0.1.count }.max() ?? 0
        // A border and a space on each side, a blank row above and below.
        let width = lineWidth + 4, height = lines.count + 4
        let box = Rect(
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width: width, height: height)
            .intersection(area)
        guard !box.isEmpty else { return }

        grid.fill(box, with: Cell(" ", style: theme.text))
        drawFrame(into: &grid, box: box)
        grid.write(
            " keys ", x: box.x + 2, y: box.y, style: theme.heading,
            clippedTo: box)
        for (offset, line) in lines.enumerated() {
            let y = box.y + 2 + offset
            let keyEnd = grid.write(
                line.0, x: box.x + 2, y: y, style: theme.key, clippedTo: box)
            grid.write(
                "  " + line.1, x: box.x + 2 + keyEnd, y: y, style: theme.text,
                clippedTo: box)
        }
        // The right edge again, over any action text that ran into it.
        for y in stride(from: box.y + 1, to: box.maxY - 1, by: 1) {
            grid.put(
                Cell("│", style: theme.axis), x: box.maxX - 1, y: y,
                clippedTo: box)
        }
    }

    private func drawFrame(into grid: inout CellGrid, box: Rect) {
        let style = theme.axis
        for x in box.x..<box.maxX {
            grid.put(Cell("─", style: style), x: x, y: box.y, clippedTo: box)
            grid.put(
                Cell("─", style: style), x: x, y: box.maxY - 1, clippedTo: box)
        }
        for y in box.y..<box.maxY {
            grid.put(Cell("│", style: style), x: box.x, y: y, clippedTo: box)
            grid.put(
                Cell("│", style: style), x: box.maxX - 1, y: y, clippedTo: box)
        }
        let corners: [(Character, Int, Int)] = [
            ("┌", box.x, box.y), ("┐", box.maxX - 1, box.y),
            ("└", box.x, box.maxY - 1), ("┘", box.maxX - 1, box.maxY - 1),
        ]
        for (character, x, y) in corners {
            grid.put(Cell(character, style: style), x: x, y: y, clippedTo: box)
        }
    }
}
