import Terminal
import Testing

@Suite("TerminalColor.rgb")
struct TerminalColorTests {
    @Test func blackAndWhiteAreTheCubesCorners() {
        #expect(TerminalColor.rgb(0, 0, 0) == .palette(16))
        #expect(TerminalColor.rgb(255, 255, 255) == .palette(231))
    }

    @Test func primariesMapToTheirCubeEntries() {
        #expect(TerminalColor.rgb(255, 0, 0) == .palette(196))
        #expect(TerminalColor.rgb(0, 255, 0) == .palette(46))
        #expect(TerminalColor.rgb(0, 0, 255) == .palette(21))
    }

    @Test func exactCubeLevelsMapToThemselves() {
        // Levels 0, 95, 135, 175, 215, 255: 16 + 36·1 + 6·2 + 3 = 67.
        #expect(TerminalColor.rgb(95, 135, 175) == .palette(67))
        #expect(TerminalColor.rgb(215, 175, 95) == .palette(179))
    }

    @Test func componentsRoundToTheNearestLevel() {
        // Midpoints between levels: 47.5, 115, 155, 195, 235.
        #expect(TerminalColor.rgb(47, 0, 0) == .palette(16))
        #expect(TerminalColor.rgb(48, 0, 0) == .palette(52))
        #expect(TerminalColor.rgb(114, 0, 0) == .palette(52))
        #expect(TerminalColor.rgb(116, 0, 0) == .palette(88))
        #expect(TerminalColor.rgb(154, 0, 0) == .palette(88))
        #expect(TerminalColor.rgb(156, 0, 0) == .palette(124))
        #expect(TerminalColor.rgb(194, 0, 0) == .palette(124))
        #expect(TerminalColor.rgb(196, 0, 0) == .palette(160))
        #expect(TerminalColor.rgb(234, 0, 0) == .palette(160))
        #expect(TerminalColor.rgb(236, 0, 0) == .palette(196))
    }

    @Test func outOfRangeComponentsAreClamped() {
        #expect(TerminalColor.rgb(-40, 300, 128) == .palette(16 + 30 + 2))
        #expect(TerminalColor.rgb(999, -1, 999) == .palette(201))
    }
}
