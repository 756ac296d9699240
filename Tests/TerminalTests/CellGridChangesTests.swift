import Terminal
import Testing

@Suite("CellGrid.changes(since:)")
struct CellGridChangesTests {
    private func grid(_ lines: [String]) -> CellGrid {
        var grid = CellGrid(width: lines.first?.count ?? 0, height: lines.count)
        for (row, line) in lines.enumerated() { grid.write(line, x: 0, y: row) }
        return grid
    }

    private func text(_ run: CellRun) -> String {
        String(run.cells.map(\.character))
    }

    @Test func withoutAPreviousFrameEveryRowIsOneRun() {
        let runs = grid(["abc", "def"]).changes(since: nil)
        #expect(runs.map(\.x) == [0, 0])
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs.map(text) == ["abc", "def"])
    }

    @Test func anUnchangedFrameHasNoRuns() {
        let frame = grid(["abc", "def"])
        #expect(frame.changes(since: frame) == [])
    }

    @Test func oneChangedCellIsOneRunOfOne() {
        let old = grid(["abc", "def"])
        let new = grid(["abc", "dXf"])
        #expect(
            new.changes(since: old)
                == [CellRun(x: 1, y: 1, cells: [Cell("X")])])
    }

    @Test func adjacentChangesJoinAndSeparatedChangesSplit() {
        let old = grid(["abcdefg"])
        let new = grid(["aXYdeZg"])
        let runs = new.changes(since: old)
        #expect(runs.map(\.x) == [1, 5])
        #expect(runs.map(text) == ["XY", "Z"])
    }

    @Test func runsEndAtTheRowsEnd() {
        let old = grid(["abc", "def"])
        let new = grid(["abX", "Yef"])
        let runs = new.changes(since: old)
        #expect(runs == [
            CellRun(x: 2, y: 0, cells: [Cell("X")]),
            CellRun(x: 0, y: 1, cells: [Cell("Y")]),
        ])
    }

    @Test func aColourOrWeightChangeIsAChange() {
        let old = grid(["ab"])
        var new = old
        new[0, 0] = Cell("a", foreground: .palette(2))
        new[1, 0] = Cell("b", bold: true)
        let runs = new.changes(since: old)
        #expect(runs.count == 1)
        #expect(runs.first?.cells == [new[0, 0], new[1, 0]])
    }

    @Test func aFrameOfAnotherSizeSendsEverything() {
        let old = grid(["ab", "cd"])
        let new = grid(["ab", "cd", "ef"])
        #expect(new.changes(since: old) == new.changes(since: nil))
        #expect(new.changes(since: old).count == 3)
    }

    @Test func oneByOneFramesDiffToOneCell() {
        let old = grid(["a"])
        let new = grid(["b"])
        #expect(
            new.changes(since: old)
                == [CellRun(x: 0, y: 0, cells: [Cell("b")])])
        #expect(new.changes(since: new) == [])
    }
}
