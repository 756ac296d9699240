/// A labelled set, features row-major count × featureCount.
public struct Dataset: Sendable, Equatable {
    /// Feature values, one row of `featureCount` values per sample.
    public var features: [Float]
    /// Class index of each sample, in `0..<classNames.count`.
    public var labels: [Int32]
    /// Number of features per sample.
    public var featureCount: Int
    /// Display name of each class, e.g. "0"..."9" or "setosa"...
    public var classNames: [String]

    /// Number of samples.
    public var count: Int { labels.count }

    /// Creates a data set; the sizes must agree and labels be in range.
    public init(
        features: [Float], labels: [Int32], featureCount: Int,
        classNames: [String]
    ) {
        precondition(featureCount >= 0, "negative feature count")
        precondition(
            features.count == labels.count * featureCount,
            "\(features.count) features for \(labels.count) samples "
                + "of \(featureCount)")
        precondition(
            labels.allSatisfy { $0 >= 0 && Int($0) < classNames.count },
            "a label is outside 0..<\(classNames.count)")
        self.init(
            unchecked: features, labels: labels, featureCount: featureCount,
            classNames: classNames)
    }

    /// Creates a data set whose invariants the caller has already checked.
    init(
        unchecked features: [Float], labels: [Int32], featureCount: Int,
        classNames: [String]
    ) {
        self.features = features
        self.labels = labels
        self.featureCount = featureCount
        self.classNames = classNames
    }

    /// The features of sample `index`.
    public func row(_ index: Int) -> ArraySlice<Float> {
        features[(index * featureCount)..<((index + 1) * featureCount)]
    }

    /// The samples at `indices`, in that order (repeats allowed).
    public func subset(_ indices: [Int]) -> Dataset {
        // features is (count, featureCount); result is (indices.count, same).
        let width = featureCount
        let gathered = [Float](
            unsafeUninitializedCapacity: indices.count * width
        ) { buffer, initialized in
            features.withUnsafeBufferPointer { source in
                for (row, index) in indices.enumerated() {
                    precondition(
                        index >= 0 && index < count,
                        "row \(index) is outside 0..<\(count)")
                    guard width > 0 else { continue }
                    let from = source.baseAddress! + index * width
                    (buffer.baseAddress! + row * width)
                        .initialize(from: from, count: width)
                }
            }
            initialized = indices.count * width
        }
        return Dataset(
            unchecked: gathered, labels: indices.map { labels[$0] },
            featureCount: width, classNames: classNames)
    }
}
