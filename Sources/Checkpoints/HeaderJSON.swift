/// A JSON value from a safetensors header, with object keys kept in order
/// and duplicates kept, so the reader can name them.
///
/// Foundation's JSON parser keeps one of two equal keys silently; a header
/// naming a tensor twice must be an error, so headers get this parser.
enum HeaderJSON {
    case object([(key: String, value: HeaderJSON)])
    case array([HeaderJSON])
    case string(String)
    /// A number kept as its source text, so integers stay exact.
    case number(String)
    case bool(Bool)
    case null

    /// The JSON type's name, for messages such as "found an array".
    var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// The value as a non-negative whole number, or nil.
    var wholeNumber: Int? {
        guard case .number(let text) = self, let value = Int(text),
            value >= 0
        else { return nil }
        return value
    }
}

/// Why a header is not JSON, and the 0-based header byte where it broke.
struct HeaderJSONError: Error {
    var offset: Int
    var reason: String
}

extension HeaderJSON {
    /// Nesting deeper than this is refused, so hostile headers cannot
    /// exhaust the stack; real headers nest three levels.
    static let maxDepth = 32

    /// Parses `bytes` (UTF-8) as one JSON value, with only whitespace after.
    static func parse(_ bytes: [UInt8]) throws(HeaderJSONError) -> HeaderJSON {
        var parser = HeaderJSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.failure("unexpected text after the JSON value")
        }
        return value
    }
}

/// A recursive-descent JSON parser over header bytes.
private struct HeaderJSONParser {
    let bytes: [UInt8]
    var index = 0

    func failure(_ reason: String) -> HeaderJSONError {
        HeaderJSONError(offset: index, reason: reason)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = current,
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        {
            index += 1
        }
    }

    mutating func expect(_ byte: UInt8) throws(HeaderJSONError) {
        guard current == byte else {
            throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        index += 1
    }

    mutating func value(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
        guard depth < HeaderJSON.maxDepth else {
            throw failure("nested deeper than \(HeaderJSON.maxDepth) levels")
        }
        switch current {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case .some(let byte)
        where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
            return .number(try number())
        case nil: throw failure("the header ends where a value should be")
        default: throw failure("expected a value")
        }
    }

    mutating func literal(_ word: String) throws(HeaderJSONError) {
        let text = Array(word.utf8)
        guard bytes.count - index >= text.count,
            Array(bytes[index..<index + text.count]) == text
        else { throw failure("expected a value") }
        index += text.count
    }

    mutating func object(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
        index += 1
        var members: [(key: String, value: HeaderJSON)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure("expected a quoted key")
            }
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            guard current == UInt8(ascii: ",") else {
                throw failure("expected ',' or '}'")
            }
            index += 1
        }
    }

    mutating func array(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
        index += 1
        var elements: [HeaderJSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            guard current == UInt8(ascii: ",") else {
                throw failure("expected ',' or ']'")
            }
            index += 1
        }
    }

    mutating func number() throws(HeaderJSONError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout HeaderJSONParser) -> Int {
            let first = parser.index
            while let byte = parser.current, (0x30...0x39).contains(byte) {
                parser.index += 1
            }
            return parser.index - first
        }
        guard digits(&self) > 0 else { throw failure("expected a digit") }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure("expected a digit") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw failure("expected a digit") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func string() throws(HeaderJSONError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ parser: HeaderJSONParser, upTo end: Int) {
            let text = String(decoding: parser.bytes[run..<end], as: UTF8.self)
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = current else {
                throw failure("a string is not closed")
            }
            if byte == UInt8(ascii: "\"") {
                flush(self, upTo: index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw failure("a control character inside a string")
            }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            flush(self, upTo: index)
            index += 1
            scalars.append(try escape())
            run = index
        }
    }

    /// Reads the escape after a backslash, including surrogate pairs.
    mutating func escape() throws(HeaderJSONError) -> Unicode.Scalar {
        guard let byte = current else {
            throw failure("a string is not closed")
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default:
            index -= 1
            throw failure("an unknown escape in a string")
        }
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard current == UInt8(ascii: "\\") else {
                throw failure("a lone surrogate in a string")
            }
            index += 1
            try expect(UInt8(ascii: "u"))
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
                throw failure("a lone surrogate in a string")
            }
            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(code)!
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw failure("a lone surrogate in a string")
        }
        return scalar
    }

    mutating func hex4() throws(HeaderJSONError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current,
                let digit = Character(Unicode.Scalar(byte)).hexDigitValue
            else { throw failure("expected four hex digits after \\u") }
            code = code * 16 + UInt32(digit)
            index += 1
        }
        return code
    }
}
