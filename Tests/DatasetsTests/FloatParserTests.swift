@testable import Datasets
import Testing

/// The fast decimal parser against the standard library's parser.
@Suite struct FloatParserTests {
    func fast(_ text: String) -> Float? {
        Array(text.utf8).withUnsafeBufferPointer { FloatParser.parse($0) }
    }

    @Test func fastPathEqualsTheReferenceOnEdgeCases() {
        let cases = [
            "0", "-0", "+0", "5.1", "3.0", ".5", "5.", "-.25", "007",
            "0.1", "0.3", "16", "1234567", "12345678", "0.0000001",
            "0.00000000001", "9999999", "1.0000001", "3.4028235e38", "1e-45",
            "", "-", ".", "+", "1.2.3", "1e", "abc", "nan", "inf", "0x1p3",
            "1,5", "٣",
        ]
        for text in cases {
            let reference = Float(text)
            let value = fast(text)
            #expect(value?.bitPattern == reference?.bitPattern,
                    "\(text)")
        }
    }

    @Test func fastPathEqualsTheReferenceOnManyDecimals() {
        var generator = SplitMix64(seed: 2024)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let digits = Int(generator.next(below: 8)) + 1
            var text = String(generator.next(below: 10_000_000))
            text = String(text.prefix(digits))
            let point = Int(generator.next(below: UInt64(text.count + 1)))
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            if generator.next(below: 2) == 0 { text = "-" + text }
            if fast(text)?.bitPattern != Float(text)?.bitPattern {
                mismatches.append(text)
            }
        }
        #expect(mismatches.isEmpty)
    }
}
