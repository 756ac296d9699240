import Terminal

extension Rect {
    /// The column just right of the rectangle.
    var maxX: Int { x + width }

    /// The row just below the rectangle.
    var maxY: Int { y + height }

    /// The cells both rectangles hold; empty when they do not overlap.
    func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard left < right, top < bottom else {
            return Rect(x: left, y: top, width: 0, height: 0)
        }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// One row of the rectangle, counted from its top.
    func row(_ index: Int) -> Rect {
        Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// True when the column and row lie inside the rectangle.
    func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }
}
