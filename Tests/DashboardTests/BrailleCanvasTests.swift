import Dashboard
import Testing

@Suite struct BrailleCanvasTests {
    @Test func eachDotHasItsUnicodeBit() {
        // Dots 1-8 of a braille cell, in (x, y) order of the standard.
        let dots = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3),
                    (1, 3)]
        for (bit, dot) in dots.enumerated() {
            var canvas = BrailleCanvas(columns: 1, rows: 1)
            canvas.plot(x: dot.0, y: dot.1)
            let expected = Character(Unicode.Scalar(0x2800 + (1 << bit))!)
            #expect(canvas.character(column: 0, row: 0) == expected)
        }
    }

    @Test func aLineRaisesEveryDotBetweenItsEnds() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(fromX: 0, y: 3, toX: 3, y: 0)
        #expect(canvas.character(column: 0, row: 0) == "⡠")
        #expect(canvas.character(column: 1, row: 0) == "⠊")
    }

    @Test func dotsOutsideTheCanvasAreDropped() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        canvas.plot(x: -1, y: 0)
        canvas.plot(x: 2, y: 0)
        canvas.plot(x: 0, y: 4)
        #expect(canvas.character(column: 0, row: 0) == nil)
        #expect(canvas.character(column: 1, row: 0) == nil)
        #expect(BrailleCanvas(columns: 0, rows: 0).dotWidth == 0)
    }
}
