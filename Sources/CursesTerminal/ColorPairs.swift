import CNcurses
import Terminal

/// Turns a cell's foreground and background into a curses colour pair,
/// fitted to what the terminal can show.
struct ColorPairs {
    /// Colours the terminal has: 0 without colour, 8, 16, 256 or more.
    let colorCount: Int
    /// True when -1 means "the terminal's own colour" (use_default_colors
    /// succeeded).
    let hasDefaultColors: Bool

    /// Starts curses' colour support when the terminal has it.
    init() {
        guard has_colors() else {
            colorCount = 0
            hasDefaultColors = false
            return
        }
        _ = start_color()
        hasDefaultColors = use_default_colors() == OK
        colorCount = Int(descent_colors())
    }

    /// The pair for a foreground and background; 0 (the terminal's
    /// colours) when the terminal has no colour or runs out of pairs.
    ///
    /// alloc_pair hands out ncurses 6 extended pairs, so more than 255
    /// combinations work; when all pairs are in use it reuses the least
    /// recently used one, which recolours cells that still show it.
    func pair(
        foreground: TerminalColor, background: TerminalColor
    ) -> Int32 {
        guard colorCount > 0 else { return 0 }
        let foregroundNumber = number(for: foreground, isForeground: true)
        let backgroundNumber = number(for: background, isForeground: false)
        if hasDefaultColors, foregroundNumber == -1, backgroundNumber == -1 {
            return 0
        }
        return max(0, alloc_pair(foregroundNumber, backgroundNumber))
    }

    /// The curses colour number: -1 for the terminal's own colour, the
    /// palette index when the terminal has it, else the nearest basic
    /// colour.
    private func number(
        for color: TerminalColor, isForeground: Bool
    ) -> Int32 {
        switch color {
        case .standard:
            // Without default-colour support, curses' own default of white
            // on black stands in.
            return hasDefaultColors ? -1 : isForeground ? 7 : 0
        case .palette(let index):
            let basic = BasicColors.color(forPalette: index, count: colorCount)
            return basic.map(Int32.init) ?? (isForeground ? 7 : 0)
        }
    }
}
