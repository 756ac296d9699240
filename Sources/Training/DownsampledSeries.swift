/// A metric curve of bounded size: when full, neighbouring points are
/// averaged in pairs and later points are averaged over twice as many
/// samples, so the whole run stays visible at even spacing.
public struct DownsampledSeries: Sendable, Equatable, Codable {
    /// Most points kept; an even number of at least 2.
    public let capacity: Int
    /// Points kept, oldest first.
    public private(set) var points: [SeriesPoint] = []
    /// Raw samples averaged into each new point.
    public private(set) var samplesPerPoint = 1

    private var pendingSum: Double = 0
    private var pendingCount = 0

    /// Creates an empty series holding at most `capacity` points.
    public init(capacity: Int) {
        precondition(capacity >= 2, "a series needs room for two points")
        self.capacity = capacity + capacity % 2
        points.reserveCapacity(self.capacity)
    }

    /// Adds the value measured after `step` batches.
    public mutating func append(step: Int, value: Float) {
        pendingSum += Double(value)
        pendingCount += 1
        guard pendingCount == samplesPerPoint else { return }
        let mean = Float(pendingSum / Double(pendingCount))
        pendingSum = 0
        pendingCount = 0
        if points.count == capacity { halve() }
        points.append(SeriesPoint(step: step, value: mean))
    }

    /// Drops the points after `step` and any samples not yet averaged
    /// into a point.
    public mutating func removePoints(after step: Int) {
        points.removeAll { $0.step > step }
        pendingSum = 0
        pendingCount = 0
    }

    // Pairs keep the later step, so a point always sits at the last batch
    // it covers.
    private mutating func halve() {
        for index in 0..<(capacity / 2) {
            let first = points[2 * index], second = points[2 * index + 1]
            points[index] = SeriesPoint(
                step: second.step, value: (first.value + second.value) / 2)
        }
        points.removeLast(capacity / 2)
        samplesPerPoint *= 2
    }
}
