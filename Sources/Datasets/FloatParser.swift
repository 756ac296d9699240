/// Parses decimal text such as `5.1` or `-0.25` into a Float, exactly as
/// `Float(String)` does, but without building a String for common cells.
enum FloatParser {
    /// Powers of ten that a Float holds exactly (5^10 < 2^24).
    private static let powersOfTen: [Float] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
    ]

    /// The value of `text`, or nil when it is not a number; may be
    /// infinite or NaN for text such as `1e99` or `nan`.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Float? {
        // Fast path (Clinger): with at most 7 significant digits the
        // digits fit a Float exactly, and so does 10^k for k <= 10, so one
        // correctly rounded division gives the correctly rounded value.
        var index = 0
        var negative = false
        if index < text.count, text[index] == 0x2d || text[index] == 0x2b {
            negative = text[index] == 0x2d
            index += 1
        }
        var mantissa: UInt32 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        while index < text.count {
            let byte = text[index]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
                if mantissa != 0 || byte != 0x30 {
                    mantissa = mantissa * 10 + UInt32(byte - 0x30)
                    significantDigits += 1
                    if significantDigits > 7 { return reference(text) }
                }
            } else if byte == 0x2e && !sawPoint {
                sawPoint = true
            } else {
                return reference(text)
            }
            index += 1
        }
        guard sawDigit, fractionDigits < powersOfTen.count else {
            return reference(text)
        }
        let value = Float(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// The plain reference: the standard library's locale-independent
    /// parser.
    static func reference(_ text: UnsafeBufferPointer<UInt8>) -> Float? {
        Float(String(decoding: text, as: UTF8.self))
    }
}
