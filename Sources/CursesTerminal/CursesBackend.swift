import CNcurses
import Glibc
import Terminal

/// The terminal backend that draws through ncurses: the only code in
/// Descent that talks to curses. Use it from the main thread only.
public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: ColorPairs
    private var lastGrid: CellGrid?
    // A resize clears curses' copy of the screen; the next frame must be
    // sent whole even if it is the same size as the last one.
    private var needsFullRedraw = true
    private var isRestored = false

    /// Takes over the terminal: raw keys, no echo, hidden cursor, colours
    /// when the terminal has them. Throws when standard input or output is
    /// not a terminal, or curses cannot drive the terminal `TERM` names.
    public init() throws(CursesError) {
        guard isatty(STDIN_FILENO) == 1 else {
            throw .notATerminal(stream: "standard input")
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw .notATerminal(stream: "standard output")
        }
        // Without the user's locale, curses treats every non-ASCII
        // character as bytes and braille turns into "~@".
        _ = setlocale(LC_ALL, "")
        // Braille, half blocks and box lines need UTF-8; under LANG=C they
        // would vanish or arrive as stray bytes.
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset == "UTF-8" else { throw .notUTF8(codeset: codeset) }

        // Saved before curses changes them, for the crash handlers.
        var modes = termios()
        let hasModes = tcgetattr(STDOUT_FILENO, &modes) == 0

        // newterm, unlike initscr, reports failure instead of exiting.
        guard let screen = newterm(nil, descent_stdout(), descent_stdin())
        else {
            throw .unknownTerminal(term: getenv("TERM").map {
                String(cString: $0)
            })
        }
        _ = set_term(screen)
        // A terminal that cannot move its cursor (TERM=dumb) would show a
        // blank screen.
        let move = tigetstr("cup")
        if move == nil || Int(bitPattern: move) == -1 {
            _ = endwin()
            delscreen(screen)
            throw .cannotMoveCursor(term: getenv("TERM").map {
                String(cString: $0)
            } ?? "")
        }
        self.screen = screen
        window = descent_stdscr()

        // Raw, not cbreak: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, and
        // the dashboard decides what they mean.
        _ = raw()
        _ = noecho()
        // Without nl translation curses may move the cursor with a bare
        // line feed, and Enter arrives as 13.
        _ = nonl()
        _ = keypad(window, true)
        // The cursor stays hidden, so curses need not park it after each
        // refresh.
        _ = leaveok(window, true)
        _ = curs_set(0)
        // Curses waits a whole second after Escape by default to see if it
        // starts a key sequence; a user's ESCDELAY still wins.
        if getenv("ESCDELAY") == nil { _ = set_escdelay(25) }

        palette = ColorPairs()
        if hasModes {
            CrashRestore.activate(descriptor: STDOUT_FILENO, modes: modes)
        }
    }

    deinit {
        restore()
        delscreen(screen)
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(descent_max_x(window)), Int(descent_max_y(window)))
    }

    /// Waits up to `timeoutMilliseconds` for a key or a resize; nil when
    /// none came, for keys Descent does not use, and after `restore()`.
    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        guard !isRestored else { return nil }
        wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))

        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK:
            return KeyDecoder.key(forCharacter: code).map { .key($0) }
        case KEY_CODE_YES:
            switch KeyDecoder.functionKey(forCode: code) {
            case .key(let key):
                return .key(key)
            case .resize:
                needsFullRedraw = true
                let (width, height) = size
                return .resized(width: width, height: height)
            case nil:
                return nil
            }
        default:
            return terminalHungUp() ? .closed : nil
        }
    }

    /// True when the terminal is gone (an SSH drop, a killed tmux): input
    /// then reports a hang-up instead of waiting, and the app must quit.
    private func terminalHungUp() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return false }
        let gone = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        return input.revents & gone != 0
    }

    /// Shows a grid, sending only the cells that differ from the last one;
    /// the whole grid after a resize or on the first frame. Cells past the
    /// terminal's edge are dropped. Does nothing after `restore()`.
    public func present(_ grid: CellGrid) {
        guard !isRestored else { return }
        let sameSize = lastGrid.map {
            $0.width == grid.width && $0.height == grid.height
        } ?? false
        if needsFullRedraw || !sameSize {
            // wclear also makes the next refresh repaint from a blank
            // screen, which drops whatever the terminal did on a resize.
            _ = wclear(window)
        }
        let previous = needsFullRedraw ? nil : lastGrid
        let (width, height) = size

        for run in grid.changes(since: previous) where run.y < height {
            for (offset, cell) in run.cells.enumerated() {
                let column = run.x + offset
                guard column < width else { break }
                draw(cell, x: column, y: run.y)
            }
        }
        _ = wrefresh(window)
        lastGrid = grid
        needsFullRedraw = false
    }

    /// Gives the terminal back to the shell as it was found: leaves curses
    /// mode and shows the cursor. Safe to call more than once.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        _ = curs_set(1)
        _ = endwin()
        CrashRestore.deactivate()
    }

    /// Installs handlers for crash signals (SIGSEGV, SIGBUS, SIGILL,
    /// SIGTRAP, SIGFPE, SIGABRT) that put the terminal's modes back and
    /// leave the alternate screen before the process dies, then pass the
    /// signal on to the handler found before (the Swift runtime's
    /// backtracer, or the default action). Call it once, early; later calls
    /// do nothing. It acts only while a backend owns the terminal.
    public static func installCrashRestore() {
        CrashRestore.install()
    }

    // MARK: - Drawing

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var pair = palette.pair(
            foreground: cell.foreground, background: cell.background)
        let attributes = cell.bold ? descent_attr_bold() : descent_attr_normal()
        var text = Self.wideCharacters(of: cell.character)
        var glyph = cchar_t()
        // The pair goes through the options pointer as an int, so more
        // than the 255 pairs of a short (COLOR_PAIR) can be used.
        _ = setcchar(&glyph, &text, attributes, 0, &pair)
        _ = wmove(window, Int32(y), Int32(x))
        // The bottom-right cell reports ERR because the cursor cannot move
        // past it, but the glyph is stored and drawn all the same.
        _ = wadd_wch(window, &glyph)
    }

    /// A character as curses' wide string: one spacing character, then the
    /// zero-width marks that follow it (at most four), then a terminating
    /// zero. A control character would move the cursor, so it shows as "?".
    static func wideCharacters(of character: Character) -> [wchar_t] {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, !isControl(first) else {
            return [63, 0]
        }
        var text = [wchar_t(first.value)]
        for mark in scalars.dropFirst().prefix(4) {
            // curses rejects a cell whose later characters take up room,
            // as in emoji sequences; those keep only the first character.
            guard isZeroWidth(mark) else { break }
            text.append(wchar_t(mark.value))
        }
        text.append(0)
        return text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 32 || (scalar.value >= 127 && scalar.value < 160)
    }

    // Marks and format characters (accents, variation selectors, joiners)
    // take no column of their own.
    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }
}
