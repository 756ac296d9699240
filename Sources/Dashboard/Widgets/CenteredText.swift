import Terminal

/// Lines of text centred in an area, wrapped at spaces to its width; what
/// still does not fit is cut.
public struct CenteredText: Widget {
    /// The paragraphs, each starting on a new line.
    public var lines: [String]
    /// How the text looks.
    public var style: Style

    /// Creates centred text.
    public init(_ lines: [String], style: Style = .plain) {
        self.lines = lines
        self.style = style
    }

    /// Draws the text.
    public func render(into grid: inout CellGrid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.clear(area, style: Style(background: style.background))
        let wrapped = lines.flatMap { Self.wrap($0, width: area.width) }
        let shown = wrapped.prefix(area.height)
        let top = area.y + (area.height - shown.count) / 2
        for (offset, line) in shown.enumerated() {
            let left = area.x + max(0, (area.width - line.count) / 2)
            grid.write(
                line, x: left, y: top + offset, style: style, clippedTo: area)
        }
    }

    /// Breaks a paragraph into lines of at most `width` characters at
    /// spaces; a word longer than the width is left whole, to be cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
