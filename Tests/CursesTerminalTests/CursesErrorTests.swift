import CursesTerminal
import Testing

@Suite("CursesError")
struct CursesErrorTests {
    @Test func notATerminalNamesTheStreamAndTheWayOut() {
        let error = CursesError.notATerminal(stream: "standard output")
        #expect(
            error.description
                == "standard output is not a terminal: run Descent in a "
                + "terminal for the dashboard, or run it headless when "
                + "piping output")
    }

    @Test func unknownTerminalNamesTERMAndATypeToTry() {
        let error = CursesError.unknownTerminal(term: "vt9000")
        #expect(
            error.description
                == "TERM=vt9000: curses cannot drive this terminal type; "
                + "set TERM to one terminfo knows, such as xterm-256color")
    }

    @Test func unsetTERMSaysSo() {
        #expect(
            CursesError.unknownTerminal(term: nil).description
                == "TERM is not set: curses needs a terminal type; set TERM, "
                + "such as TERM=xterm-256color")
    }
}
