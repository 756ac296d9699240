import Foundation

/// One comma-separated value of a line, as a byte range into the file.
struct CSVCell {
    /// Bytes of the value, without surrounding blanks or quotes.
    var range: Range<Int>
    /// Whether the value holds doubled quotes (`""`) to undo.
    var hasEscapedQuotes: Bool

    /// The value as text.
    func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[range]),
            as: UTF8.self)
        return hasEscapedQuotes
            ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// The value as a number, or nil when it is not one.
    func number(in bytes: UnsafeBufferPointer<UInt8>) -> Float? {
        if hasEscapedQuotes { return Float(text(in: bytes)) }
        return FloatParser.parse(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Splits `line` into `cells` (reusing its storage); false when a
    /// quoted value is not closed properly.
    ///
    /// Quoting follows RFC 4180 within one line: a value may be wrapped in
    /// double quotes, with a doubled quote standing for one quote inside.
    static func split(
        _ line: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
        into cells: inout [CSVCell]
    ) -> Bool {
        cells.removeAll(keepingCapacity: true)
        var position = line.lowerBound
        while true {
            while position < line.upperBound, isBlank(bytes[position]) {
                position += 1
            }
            if position < line.upperBound, bytes[position] == quote {
                guard let cell = quoted(from: position, in: line, of: bytes)
                else { return false }
                cells.append(cell.cell)
                position = cell.next
            } else {
                var end = position
                while end < line.upperBound, bytes[end] != comma { end += 1 }
                var trimmed = end
                while trimmed > position, isBlank(bytes[trimmed - 1]) {
                    trimmed -= 1
                }
                cells.append(
                    CSVCell(range: position..<trimmed, hasEscapedQuotes: false))
                position = end
            }
            // position is now at a comma or at the end of the line.
            if position >= line.upperBound { return true }
            position += 1
        }
    }

    /// The quoted value starting at `start`, and where its comma or the
    /// line end is; nil when the quote is not closed properly.
    private static func quoted(
        from start: Int, in line: Range<Int>,
        of bytes: UnsafeBufferPointer<UInt8>
    ) -> (cell: CSVCell, next: Int)? {
        var position = start + 1
        var escaped = false
        while position < line.upperBound {
            if bytes[position] == quote {
                let next = position + 1
                if next < line.upperBound, bytes[next] == quote {
                    escaped = true
                    position += 2
                    continue
                }
                var after = next
                while after < line.upperBound, isBlank(bytes[after]) {
                    after += 1
                }
                guard after == line.upperBound || bytes[after] == comma
                else { return nil }
                let cell = CSVCell(
                    range: (start + 1)..<position, hasEscapedQuotes: escaped)
                return (cell, after)
            }
            position += 1
        }
        return nil
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
