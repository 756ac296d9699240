import Terminal

// Widgets draw only through these, so that nothing lands outside the
// rectangle they were given, whichever side the text runs off.
extension CellGrid {
    /// Writes text from a column and row, dropping every character that
    /// falls outside `area`. Returns the columns the text spans.
    @discardableResult
    mutating func write(
        _ text: String, x: Int, y: Int, style: Style, clippedTo area: Rect
    ) -> Int {
        var column = x
        for character in text {
            put(Cell(character, style: style), x: column, y: y, clippedTo: area)
            column += 1
        }
        return column - x
    }

    /// Blanks every cell of `area` that lies inside the grid.
    mutating func clear(_ area: Rect, style: Style) {
        fill(area, with: Cell(" ", style: style))
    }

    /// Sets one cell if it lies inside `area`.
    mutating func put(_ cell: Cell, x: Int, y: Int, clippedTo area: Rect) {
        guard area.contains(x: x, y: y) else { return }
        self[x, y] = cell
    }
}

extension Cell {
    /// A cell drawn in a style.
    init(_ character: Character, style: Style) {
        self.init(
            character, foreground: style.foreground,
            background: style.background, bold: style.bold)
    }
}
