/// A screen's worth of cells that widgets draw into; it never touches the
/// terminal.
public struct CellGrid: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]

    /// Creates a grid filled with one cell.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a column and row; writes outside the grid are dropped and
    /// reads outside it give a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    /// True when the column and row lie inside the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes text from a column and row, one character per cell, cut at
    /// `limit` columns and at the grid's edge. Returns the columns written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain,
        limit: Int = .max
    ) -> Int {
        var column = x
        for character in text {
            guard column - x < limit, column < width else { break }
            self[column, y] = Cell(
                character, foreground: style.foreground,
                background: style.background, bold: style.bold)
            column += 1
        }
        return column - x
    }

    /// Fills a rectangle, clipped to the grid, with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let left = max(0, rect.x), right = min(width, rect.x + rect.width)
        let top = max(0, rect.y), bottom = min(height, rect.y + rect.height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { cells[row * width + column] = cell }
        }
    }

    /// The characters of each row, trailing spaces kept; for tests and text
    /// captures.
    public var lines: [String] {
        (0..<height).map { row in
            String(cells[(row * width)..<((row + 1) * width)].map(\.character))
        }
    }
}
