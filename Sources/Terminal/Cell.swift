/// A colour from the 256-colour palette, or the terminal's default.
public enum TerminalColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case standard
    /// An index into the xterm 256-colour palette (0-15 are the ANSI
    /// colours, 16-231 a 6×6×6 cube, 232-255 a grey ramp).
    case palette(UInt8)

    /// The palette entry nearest to an RGB colour (components 0...255).
    public static func rgb(_ red: Int, _ green: Int, _ blue: Int) -> Self {
        func level(_ value: Int) -> Int {
            let clamped = min(255, max(0, value))
            return clamped < 48 ? 0 : clamped < 115 ? 1 : (clamped - 35) / 40
        }
        let index = 16 + 36 * level(red) + 6 * level(green) + level(blue)
        return .palette(UInt8(index))
    }
}

/// One character cell of the screen.
public struct Cell: Sendable, Hashable {
    /// The character shown; always one column wide.
    public var character: Character
    /// Foreground colour.
    public var foreground: TerminalColor
    /// Background colour.
    public var background: TerminalColor
    /// Bold text.
    public var bold: Bool

    /// Creates a cell.
    public init(
        _ character: Character = " ",
        foreground: TerminalColor = .standard,
        background: TerminalColor = .standard,
        bold: Bool = false
    ) {
        self.character = character
        self.foreground = foreground
        self.background = background
        self.bold = bold
    }

    /// A blank cell in the default colours.
    public static let blank = Cell()
}

/// How text is drawn: colours and weight.
public struct Style: Sendable, Hashable {
    /// Foreground colour.
    public var foreground: TerminalColor
    /// Background colour.
    public var background: TerminalColor
    /// Bold text.
    public var bold: Bool

    /// Creates a style.
    public init(
        foreground: TerminalColor = .standard,
        background: TerminalColor = .standard,
        bold: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
    }

    /// The terminal's default look.
    public static let plain = Style()
}
