@testable import CursesTerminal
import Terminal
import Testing

@Suite("KeyDecoder")
struct KeyDecoderTests {
    // ncurses' documented function-key codes, written out so the test does
    // not need curses itself.
    private let keyDown: UInt32 = 0o402
    private let keyUp: UInt32 = 0o403
    private let keyLeft: UInt32 = 0o404
    private let keyRight: UInt32 = 0o405
    private let keyBackspace: UInt32 = 0o407
    private let keyF1: UInt32 = 0o411
    private let keyEnter: UInt32 = 0o527
    private let keyResize: UInt32 = 0o632

    @Test func returnAndLineFeedAreEnter() {
        #expect(KeyDecoder.key(forCharacter: 13) == .enter)
        #expect(KeyDecoder.key(forCharacter: 10) == .enter)
    }

    @Test func deleteAndCtrlHAreBackspace() {
        #expect(KeyDecoder.key(forCharacter: 127) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 8) == .backspace)
    }

    @Test func tabAndEscapeAreTheirOwnKeys() {
        #expect(KeyDecoder.key(forCharacter: 9) == .tab)
        #expect(KeyDecoder.key(forCharacter: 27) == .escape)
    }

    @Test func controlCodesBecomeLowercaseControlLetters() {
        #expect(KeyDecoder.key(forCharacter: 1) == .control("a"))
        #expect(KeyDecoder.key(forCharacter: 3) == .control("c"))
        #expect(KeyDecoder.key(forCharacter: 12) == .control("l"))
        #expect(KeyDecoder.key(forCharacter: 26) == .control("z"))
    }

    @Test func controlCodesWithoutALetterAreIgnored() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F] {
            #expect(KeyDecoder.key(forCharacter: code) == nil)
        }
    }

    @Test func printableCodesAreCharacters() {
        #expect(KeyDecoder.key(forCharacter: 32) == .character(" "))
        #expect(KeyDecoder.key(forCharacter: 113) == .character("q"))
        #expect(KeyDecoder.key(forCharacter: 43) == .character("+"))
        #expect(KeyDecoder.key(forCharacter: 0xE9) == .character("é"))
        #expect(KeyDecoder.key(forCharacter: 0x28FF) == .character("⣿"))
        #expect(KeyDecoder.key(forCharacter: 0x1F600) == .character("😀"))
    }

    @Test func codesThatAreNotScalarsAreIgnored() {
        #expect(KeyDecoder.key(forCharacter: 0xD800) == nil)
        #expect(KeyDecoder.key(forCharacter: 0x110000) == nil)
    }

    @Test func arrowKeysDecode() {
        #expect(KeyDecoder.functionKey(forCode: keyUp) == .key(.up))
        #expect(KeyDecoder.functionKey(forCode: keyDown) == .key(.down))
        #expect(KeyDecoder.functionKey(forCode: keyLeft) == .key(.left))
        #expect(KeyDecoder.functionKey(forCode: keyRight) == .key(.right))
    }

    @Test func keypadEnterAndBackspaceKeysDecode() {
        #expect(KeyDecoder.functionKey(forCode: keyEnter) == .key(.enter))
        #expect(
            KeyDecoder.functionKey(forCode: keyBackspace) == .key(.backspace))
    }

    @Test func resizeCodeIsAResize() {
        #expect(KeyDecoder.functionKey(forCode: keyResize) == .resize)
    }

    @Test func unusedFunctionKeysAreIgnored() {
        #expect(KeyDecoder.functionKey(forCode: keyF1) == nil)
        #expect(KeyDecoder.functionKey(forCode: UInt32.max) == nil)
    }
}
