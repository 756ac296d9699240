import Foundation

/// Maps values to heights on a chart, linearly or, when the values span
/// more than two decades, by their logarithm so the late, small losses
/// keep their detail.
struct ChartScale: Equatable {
    /// The smallest and largest value shown, after the transform.
    let low: Double
    let high: Double
    /// True when heights follow `log10` of the value.
    let isLogarithmic: Bool

    /// Largest to smallest value above which the scale turns logarithmic.
    static let logarithmicRatio = 100.0

    /// A scale covering every value; nil when there is none to cover.
    init?(values: [Double]) {
        guard let smallest = values.min(), let largest = values.max() else {
            return nil
        }
        isLogarithmic = smallest > 0
            && largest / smallest > Self.logarithmicRatio
        if isLogarithmic {
            low = log10(smallest)
            high = log10(largest)
        } else if largest > smallest {
            low = smallest
            high = largest
        } else {
            // A flat series still needs a range: put it in the middle.
            let padding = smallest == 0 ? 1 : abs(smallest) * 0.1
            low = smallest - padding
            high = largest + padding
        }
    }

    /// The position of a value: 0 at the top of the chart, 1 at the
    /// bottom.
    func fractionFromTop(_ value: Double) -> Double {
        let transformed = isLogarithmic ? log10(value) : value
        return (high - transformed) / (high - low)
    }

    /// The value drawn at a position (0 at the top, 1 at the bottom).
    func value(atFractionFromTop fraction: Double) -> Double {
        let transformed = high - fraction * (high - low)
        return isLogarithmic ? pow(10, transformed) : transformed
    }
}
