/// A key press, decoded by a terminal backend.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter, such as Ctrl-C (`.control("c")`).
    case control(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Return or Enter.
    case enter
    /// Escape.
    case escape
    /// Backspace or Delete-left.
    case backspace
    /// Tab.
    case tab
}
