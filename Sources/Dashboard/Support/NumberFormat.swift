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

    /// Three significant digits with trailing zeros dropped, fixed point
    /// from 0.001 up to 10000 and scientific outside: `0.05`, `0.0125`,
    /// `0.0096`, `123`, `1230`, `9.6e-4`, `1.23e4`. The panel shows every
    /// measured or set value this way, so they read alike.
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return compact(value) }
        if value == 0 { return "0" }
        // The exponent after rounding to three digits, so that 0.0009996
        // and 9999.7 switch style at the value they are shown as.
        let scientific = String(format: "%.2e", value)
        guard let marker = scientific.firstIndex(of: "e"),
              let exponent = Int(scientific[
                scientific.index(after: marker)...])
        else { return scientific }
        if exponent < -3 || exponent >= 4 {
            let mantissa = trimmedZeros(String(scientific[..<marker]))
            return tidyExponent(mantissa + scientific[marker...])
        }
        // Formatting the rounded value keeps 1234 to three digits, 1230.
        let rounded = Double(scientific) ?? value
        let decimals = max(0, 2 - exponent)
        return trimmedZeros(String(format: "%.\(decimals)f", rounded))
    }

    /// A factor as typed by a person: `2`, `1.5`, `10`.
    static func factor(_ value: Float) -> String {
        significant(Double(value))
    }

    /// What the panel shows where there is no value, such as the time
    /// left while paused.
    static let missing = "–"

    /// A rate with a k or M suffix: `850`, `61.2k`, `1.25M`.
    static func rate(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return missing }
        if value < 1000 { return String(format: "%.0f", value) }
        if value < 999_950 { return String(format: "%.1fk", value / 1e3) }
        return String(format: "%.2fM", value / 1e6)
    }

    /// A duration in the two largest units: `45s`, `1m05s`, `2h03m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return missing }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 {
            return "\(whole / 60)m" + twoDigits(whole % 60) + "s"
        }
        return "\(whole / 3600)h" + twoDigits(whole / 60 % 60) + "m"
    }

    /// A fraction (0...1) as a percentage with one decimal: `94.1%`.
    static func percent(_ fraction: Float) -> String {
        guard fraction.isFinite else { return missing }
        return String(format: "%.1f%%", Double(fraction) * 100)
    }

    // `0.0500` -> `0.05`, `2.00` -> `2`; integers are left alone.
    private static func trimmedZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
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
