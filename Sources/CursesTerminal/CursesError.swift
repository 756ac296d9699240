/// Why the curses backend could not take over the terminal.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, or no
    /// terminal at all). `stream` is "standard input" or "standard output".
    case notATerminal(stream: String)
    /// curses could not set up the terminal that `TERM` names (nil when
    /// `TERM` is unset).
    case unknownTerminal(term: String?)

    /// What went wrong and what the user can do about it.
    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal: run Descent in a terminal "
                + "for the dashboard, or run it headless when piping output"
        case .unknownTerminal(let term?):
            return "TERM=\(term): curses cannot drive this terminal type; "
                + "set TERM to one terminfo knows, such as xterm-256color"
        case .unknownTerminal(nil):
            return "TERM is not set: curses needs a terminal type; "
                + "set TERM, such as TERM=xterm-256color"
        }
    }
}
