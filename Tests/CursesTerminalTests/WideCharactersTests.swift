@testable import CursesTerminal
import Testing

@Suite("CursesBackend.wideCharacters")
struct WideCharactersTests {
    @Test func asciiAndBrailleAreOneCharacterAndATerminator() {
        #expect(CursesBackend.wideCharacters(of: "a") == [97, 0])
        #expect(CursesBackend.wideCharacters(of: "⣿") == [0x28FF, 0])
        #expect(CursesBackend.wideCharacters(of: "▀") == [0x2580, 0])
    }

    @Test func combiningMarksFollowTheirBase() {
        #expect(
            CursesBackend.wideCharacters(of: "e\u{301}") == [101, 0x301, 0])
    }

    @Test func controlCharactersShowAsQuestionMarks() {
        #expect(CursesBackend.wideCharacters(of: "\n") == [63, 0])
        #expect(CursesBackend.wideCharacters(of: "\r\n") == [63, 0])
        #expect(CursesBackend.wideCharacters(of: "\u{1B}") == [63, 0])
        #expect(CursesBackend.wideCharacters(of: "\u{9B}") == [63, 0])
    }

    @Test func sequencesOfSpacingCharactersKeepTheFirst() {
        // A flag is two regional indicators, each of which takes room.
        #expect(CursesBackend.wideCharacters(of: "🇩🇪") == [0x1F1E9, 0])
    }

    @Test func atMostFourMarksAreKept() {
        let marks = "a\u{300}\u{301}\u{302}\u{303}\u{304}"
        #expect(
            CursesBackend.wideCharacters(of: Character(marks))
                == [97, 0x300, 0x301, 0x302, 0x303, 0])
    }
}
