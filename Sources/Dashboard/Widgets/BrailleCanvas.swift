/// A surface of braille characters, each cell holding 2×4 dots, for lines
/// four times finer than text rows.
///
/// Dot coordinates start at the top left: `x` in `0..<columns * 2`, `y` in
/// `0..<rows * 4`. Dots outside the canvas are dropped.
public struct BrailleCanvas: Sendable, Equatable {
    /// Width in cells.
    public let columns: Int
    /// Height in cells.
    public let rows: Int
    // One byte per cell: the dot pattern as an offset from U+2800.
    private var patterns: [UInt8]

    /// Creates an empty canvas of a size in cells.
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        patterns = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// Width in dots.
    public var dotWidth: Int { columns * 2 }

    /// Height in dots.
    public var dotHeight: Int { rows * 4 }

    // Unicode numbers braille dots down the left column first (1, 2, 3),
    // then the right (4, 5, 6), and added the bottom row (7, 8) later.
    private static let bits: [[UInt8]] = [
        [0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80],
    ]

    /// Raises one dot.
    public mutating func plot(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        patterns[(y / 4) * columns + x / 2] |= Self.bits[y % 4][x % 2]
    }

    /// Raises the dots of a straight line between two dots, both ends
    /// included.
    public mutating func line(
        fromX x0: Int, y y0: Int, toX x1: Int, y y1: Int
    ) {
        // Bresenham's algorithm, all octants.
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
        var error = dx + dy
        var x = x0, y = y0
        while true {
            plot(x: x, y: y)
            if x == x1 && y == y1 { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// The braille character of a cell, or nil when none of its dots is
    /// raised (or the cell lies outside the canvas).
    public func character(column: Int, row: Int) -> Character? {
        guard column >= 0, row >= 0, column < columns, row < rows else {
            return nil
        }
        let pattern = patterns[row * columns + column]
        guard pattern != 0 else { return nil }
        return Character(Unicode.Scalar(0x2800 + UInt32(pattern))!)
    }
}
