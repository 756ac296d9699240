import Foundation

/// Short renderings of numbers for narrow places: axis labels, the status
/// panel and the key hints.
enum NumberFormat {
    /// At most about six characters: `2.31`, `0.045`, `12.5`, `1.2e-3`,
    /// `3.4e5`.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else {
            return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
        }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1e4 || magnitude < 1e-2 {
            return tidyExponent(String(format: "%.1e", value))
        }
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1
            : magnitude >= 0.1 ? 2 : 3
        return String(format: "%.\(decimals)f", value)
    }

    /// Up to three significant digits, for values the user sets and reads
    /// back exactly, such as a learning rate: `0.05`, `0.0125`, `1e-5`.
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return compact(value) }
        return tidyExponent(String(format: "%.3g", value))
    }

    /// A factor as typed by a person: `2`, `1.5`, `10`.
    static func factor(_ value: Float) -> String {
        significant(Double(value))
    }

    /// A rate with a k or M suffix: `850`, `61.2k`, `1.25M`.
    static func rate(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "--" }
        if value < 1000 { return String(format: "%.0f", value) }
        if value < 999_950 { return String(format: "%.1fk", value / 1e3) }
        return String(format: "%.2fM", value / 1e6)
    }

    /// A duration in the two largest units: `45s`, `1m05s`, `2h03m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 {
            return "\(whole / 60)m" + twoDigits(whole % 60) + "s"
        }
        return "\(whole / 3600)h" + twoDigits(whole / 60 % 60) + "m"
    }

    /// A fraction (0...1) as a percentage with one decimal: `94.1%`.
    static func percent(_ fraction: Float) -> String {
        guard fraction.isFinite else { return "--" }
        return String(format: "%.1f%%", Double(fraction) * 100)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    // printf writes exponents as `e-03`; the zero and plus sign only take
    // room.
    private static func tidyExponent(_ text: String) -> String {
        guard let marker = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<marker]
        var exponent = text[text.index(after: marker)...]
        let sign = exponent.first == "-" ? "-" : ""
        exponent = exponent.drop { $0 == "-" || $0 == "+" }
        let digits = exponent.drop { $0 == "0" }
        return mantissa + "e" + sign + (digits.isEmpty ? "0" : digits)
    }
}
