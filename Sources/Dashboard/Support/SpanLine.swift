import Terminal

/// One line of items, each a few styled pieces of text, that keeps only
/// the items that fit whole: a legend or a row of key hints never ends in
/// half a word.
struct SpanLine {
    /// A piece of text in one style.
    struct Span {
        var text: String
        var style: Style
    }

    var items: [[Span]]
    var separator = "  "

    /// Draws the items from the left of `area`'s first row.
    func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var column = area.x
        for (index, item) in items.enumerated() {
            let gap = index == 0 ? 0 : separator.count
            let length = item.reduce(0) { $0 + $1.text.count }
            guard column + gap + length <= area.maxX else { return }
            column += gap
            for span in item {
                column += grid.write(
                    span.text, x: column, y: area.y, style: span.style,
                    clippedTo: area)
            }
        }
    }
}
