/// Per-feature standardisation, `(x - mean) / standardDeviation`, with the
/// statistics of one data set (the training split) applied to any other.
///
/// The deviation is the population one (divide by n). A constant feature
/// gets a deviation of 1, so it becomes all zeros instead of NaN.
public struct Standardization: Sendable, Equatable {
    /// The mean of each feature in the fitted data.
    public var mean: [Float]
    /// The standard deviation of each feature, 1 where it was constant.
    public var standardDeviation: [Float]

    /// Creates a standardisation from known statistics.
    public init(mean: [Float], standardDeviation: [Float]) {
        precondition(mean.count == standardDeviation.count,
                     "one mean and one deviation per feature")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Measures the mean and deviation of each feature of `data`.
    public init(fitting data: Dataset) {
        // features is (count, width); sums run in Double for accuracy.
        let width = data.featureCount
        var sum = [Double](repeating: 0, count: width)
        var low = [Float](repeating: .infinity, count: width)
        var high = [Float](repeating: -.infinity, count: width)
        for row in 0..<data.count {
            for column in 0..<width {
                let value = data.features[row * width + column]
                sum[column] += Double(value)
                low[column] = min(low[column], value)
                high[column] = max(high[column], value)
            }
        }
        let count = Double(max(data.count, 1))
        let means = sum.map { $0 / count }

        var squares = [Double](repeating: 0, count: width)
        for row in 0..<data.count {
            for column in 0..<width {
                let centred = Double(data.features[row * width + column])
                    - means[column]
                squares[column] += centred * centred
            }
        }
        // Constancy is tested on the values themselves: rounding in the
        // mean would otherwise leave a tiny deviation that blows values up.
        let deviations = (0..<width).map { column in
            low[column] >= high[column]
                ? Float(1) : Float((squares[column] / count).squareRoot())
        }
        self.init(mean: means.map { Float($0) }, standardDeviation: deviations)
    }

    /// `data` with every feature standardised.
    public func apply(to data: Dataset) -> Dataset {
        // features is (count, width); mean and deviation are (width).
        precondition(data.featureCount == mean.count,
                     "fitted on \(mean.count) features, "
                        + "given \(data.featureCount)")
        var result = data
        let width = data.featureCount
        result.features.withUnsafeMutableBufferPointer { features in
            for row in 0..<data.count {
                for column in 0..<width {
                    let index = row * width + column
                    features[index] = (features[index] - mean[column])
                        / standardDeviation[column]
                }
            }
        }
        return result
    }
}
