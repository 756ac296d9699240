/// Why the curses backend could not take over the terminal.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, or no
    /// terminal at all). `stream` is "standard input" or "standard output".
    case notATerminal(stream: String)
    /// curses could not set up the terminal that `TERM` names (nil when
    /// `TERM` is unset).
    case unknownTerminal(term: String?)
    /// The locale's character set is not UTF-8, so the dashboard's glyphs
    /// cannot be shown.
    case notUTF8(codeset: String)
    /// The terminal type cannot place the cursor (such as TERM=dumb).
    case cannotMoveCursor(term: String)

    /// What went wrong and what the user can do about it.
    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal: run Descent in a terminal "
                + "for the dashboard, or run it headless when piping output"
        case .unknownTerminal(let term?):
            return "TERM=\(term): curses cannot drive this terminal type; "
                + "set TERM to one terminfo knows, such as xterm-256color"
        case .notUTF8(let codeset):
            return "the locale's character set is \(codeset), not UTF-8: "
                + "the dashboard draws braille and block characters; run "
                + "with LANG=C.UTF-8 (or another UTF-8 locale), or headless"
        case .cannotMoveCursor(let term):
            return "TERM=\(term) cannot move the cursor, so the dashboard "
                + "cannot draw; set TERM to a full terminal type such as "
                + "xterm-256color, or run headless"
        case .unknownTerminal(nil):
            return "TERM is not set: curses needs a terminal type; "
                + "set TERM, such as TERM=xterm-256color"
        }
    }
}
