/// One JSON object built by hand, its keys in the order they are added,
/// so that logs of two runs line up in a diff.
///
/// Numbers are written in their shortest form that reads back to the same
/// value (`0.1`, `1e-05`, `2.5e+08`), which is both exact and what a person
/// expects to read. A NaN or infinity, which JSON cannot hold, is written as
/// `null` and followed by the key `<key>_text` holding `nan`, `inf` or
/// `-inf`, text that Python's `float()` reads back.
struct MetricsLogJSONObject {
    private var text = "{"

    /// Starts an object whose first key is `"type"`.
    init(type: String) {
        text.reserveCapacity(128)
        add("type", type)
    }

    /// The object as one line, newline included.
    var line: String { text + "}\n" }

    /// Adds a string value.
    mutating func add(_ key: String, _ value: String) {
        addKey(key)
        Self.appendQuoted(value, to: &text)
    }

    /// Adds a whole number.
    mutating func add(_ key: String, _ value: Int) {
        addKey(key)
        text += String(value)
    }

    /// Adds a number; a NaN or infinity becomes null plus `<key>_text`.
    mutating func add(_ key: String, _ value: Float) {
        addKey(key)
        if value.isFinite {
            text += value.description
        } else {
            text += "null"
            add(key + "_text", Self.nonFiniteText(value))
        }
    }

    /// Adds a number; a NaN or infinity becomes null plus `<key>_text`.
    mutating func add(_ key: String, _ value: Double) {
        addKey(key)
        if value.isFinite {
            text += value.description
        } else {
            text += "null"
            add(key + "_text", Self.nonFiniteText(value))
        }
    }

    /// Adds a number, or null when there is none.
    mutating func add(_ key: String, _ value: Float?) {
        guard let value else {
            addKey(key)
            text += "null"
            return
        }
        add(key, value)
    }

    private mutating func addKey(_ key: String) {
        if text.utf8.count > 1 { text += "," }
        Self.appendQuoted(key, to: &text)
        text += ":"
    }

    // MARK: - Text

    /// `nan`, `inf` or `-inf`, the spelling CSV readers and Python accept.
    static func nonFiniteText<Value: FloatingPoint>(_ value: Value) -> String {
        if value.isNaN { return "nan" }
        return value < 0 ? "-inf" : "inf"
    }

    /// Appends `value` as a JSON string literal (RFC 8259, section 7).
    ///
    /// Quotes, backslashes and control characters are escaped; U+2028 and
    /// U+2029 too, since JavaScript before ES2019 reads them as line ends.
    /// Everything else is written as UTF-8, which JSON requires readers to
    /// accept.
    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        // Most strings need no escape; copy those whole.
        if !value.utf8.contains(where: needsEscape) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: false)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count)
                    + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Whether a UTF-8 byte may start something that needs an escape.
    /// 0xE2 is the lead byte of U+2028 and U+2029 (and of other
    /// characters, which the slow path then copies unchanged).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "\\") || byte == 0xE2
    }
}
