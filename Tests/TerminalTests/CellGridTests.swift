import Terminal
import Testing

@Suite("CellGrid")
struct CellGridTests {
    private let dot = Cell(".")

    @Test func negativeSizesMakeAnEmptyGrid() {
        let grid = CellGrid(width: -3, height: 2)
        #expect(grid.width == 0)
        #expect(grid.height == 2)
        #expect(grid.cells.isEmpty)
        #expect(grid.lines == ["", ""])
    }

    @Test func zeroByZeroGridHasNoLinesAndNoChanges() {
        let grid = CellGrid(width: 0, height: 0)
        #expect(grid.lines == [])
        #expect(grid.changes(since: nil) == [])
    }

    @Test func newGridIsFilledWithTheGivenCell() {
        let grid = CellGrid(width: 3, height: 2, fill: dot)
        #expect(grid.lines == ["...", "..."])
        #expect(grid.bounds == Rect(x: 0, y: 0, width: 3, height: 2))
    }

    @Test func readsOutsideTheGridGiveBlankCells() {
        let grid = CellGrid(width: 2, height: 2, fill: dot)
        #expect(grid[-1, 0] == .blank)
        #expect(grid[2, 0] == .blank)
        #expect(grid[0, 2] == .blank)
        #expect(grid[1, 1] == dot)
    }

    @Test func writesOutsideTheGridAreDropped() {
        var grid = CellGrid(width: 2, height: 2, fill: dot)
        grid[-1, 0] = Cell("x")
        grid[2, 1] = Cell("x")
        grid[0, -1] = Cell("x")
        grid[1, 2] = Cell("x")
        #expect(grid.lines == ["..", ".."])
        grid[1, 0] = Cell("x")
        #expect(grid.lines == [".x", ".."])
    }

    @Test func writePutsOneCharacterPerCellWithTheStyle() {
        var grid = CellGrid(width: 6, height: 2, fill: dot)
        let style = Style(
            foreground: .palette(196), background: .palette(17), bold: true)
        let written = grid.write("h⣿é", x: 1, y: 1, style: style)
        #expect(written == 3)
        #expect(grid.lines == ["......", ".h⣿é.."])
        #expect(
            grid[2, 1] == Cell(
                "⣿", foreground: .palette(196), background: .palette(17),
                bold: true))
        #expect(grid[4, 1] == dot)
    }

    @Test func writeStopsAtTheRightEdge() {
        var grid = CellGrid(width: 4, height: 1, fill: dot)
        let written = grid.write("abcdef", x: 2, y: 0)
        #expect(written == 2)
        #expect(grid.lines == ["..ab"])
    }

    @Test func writeStopsAtTheLimit() {
        var grid = CellGrid(width: 6, height: 1, fill: dot)
        let written = grid.write("abcdef", x: 1, y: 0, limit: 3)
        #expect(written == 3)
        #expect(grid.lines == [".abc.."])
    }

    @Test func writeWithZeroLimitWritesNothing() {
        var grid = CellGrid(width: 3, height: 1, fill: dot)
        #expect(grid.write("abc", x: 0, y: 0, limit: 0) == 0)
        #expect(grid.lines == ["..."])
    }

    @Test func writeStartingPastTheEdgeWritesNothing() {
        var grid = CellGrid(width: 3, height: 1, fill: dot)
        #expect(grid.write("abc", x: 3, y: 0) == 0)
        #expect(grid.lines == ["..."])
    }

    @Test func writeIntoAOneByOneGridKeepsTheFirstCharacter() {
        var grid = CellGrid(width: 1, height: 1, fill: dot)
        #expect(grid.write("xyz", x: 0, y: 0) == 1)
        #expect(grid.lines == ["x"])
    }

    @Test func fillIsClippedToTheGrid() {
        var grid = CellGrid(width: 4, height: 3, fill: dot)
        grid.fill(Rect(x: -1, y: 1, width: 3, height: 5), with: Cell("#"))
        #expect(grid.lines == ["....", "##..", "##.."])
    }

    @Test func fillOfAnEmptyOrOutsideRectChangesNothing() {
        var grid = CellGrid(width: 3, height: 2, fill: dot)
        grid.fill(Rect(x: 1, y: 0, width: 0, height: 2), with: Cell("#"))
        grid.fill(Rect(x: 3, y: 0, width: 2, height: 2), with: Cell("#"))
        grid.fill(Rect(x: 0, y: -4, width: 3, height: 4), with: Cell("#"))
        #expect(grid.lines == ["...", "..."])
    }

    @Test func fillOfTheOnlyCellOfAOneByOneGrid() {
        var grid = CellGrid(width: 1, height: 1, fill: dot)
        grid.fill(grid.bounds, with: Cell("#"))
        #expect(grid.lines == ["#"])
    }

    @Test func linesKeepTrailingSpaces() {
        var grid = CellGrid(width: 4, height: 2)
        grid.write("ab", x: 0, y: 0)
        #expect(grid.lines == ["ab  ", "    "])
    }
}
