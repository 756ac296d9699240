import CNcurses
import Terminal

/// Turns what `wget_wch` reads into Descent's keys.
enum KeyDecoder {
    /// What a curses function-key code means.
    enum FunctionKey: Equatable {
        /// A key Descent knows.
        case key(Key)
        /// The terminal changed size; curses has already resized its
        /// windows.
        case resize
    }

    /// The key for a character code (`wget_wch` returned OK); nil for
    /// codes with no meaning to Descent, such as Ctrl-@ or Ctrl-\.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 27: return .escape
        case 1...26:
            // Ctrl-A is 1, so the letter is 96 + code ("a" is 97).
            return .control(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0..<32, 128..<160:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The meaning of a function-key code (`wget_wch` returned
    /// KEY_CODE_YES); nil for keys Descent does not use, such as F1.
    static func functionKey(forCode code: UInt32) -> FunctionKey? {
        switch Int32(clamping: code) {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        default: return nil
        }
    }
}
