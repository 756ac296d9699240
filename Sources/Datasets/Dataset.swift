/// Samples of one data set: features row-major count × featureCount, and
/// either class labels (classification) or numeric targets (regression).
public struct Dataset: Sendable, Equatable {
    /// Feature values, one row of `featureCount` values per sample.
    public var features: [Float]
    /// Class index of each sample, in `0..<classNames.count`; empty for
    /// regression.
    public var labels: [Int32]
    /// Number of features per sample.
    public var featureCount: Int
    /// Display name of each class, e.g. "0"..."9" or "setosa"...; empty
    /// for regression.
    public var classNames: [String]
    /// Regression targets, one row of `targetCount` values per sample,
    /// as written in the data (never scaled); empty for classification.
    public var targets: [Float]
    /// Number of targets per sample: 1 for a CSV label column read for
    /// regression, 0 for classification.
    public var targetCount: Int

    /// Number of samples.
    public var count: Int {
        targetCount > 0 ? targets.count / targetCount : labels.count
    }

    /// Whether the samples carry numeric targets rather than class labels.
    public var isRegression: Bool { targetCount > 0 }

    /// Creates a data set; the sizes must agree and labels be in range.
    ///
    /// Give `labels` and `classNames` for classification, or `targets`
    /// and a positive `targetCount` (and no labels) for regression.
    public init(
        features: [Float], labels: [Int32] = [], featureCount: Int,
        classNames: [String] = [], targets: [Float] = [],
        targetCount: Int = 0
    ) {
        precondition(featureCount >= 0, "negative feature count")
        precondition(targetCount >= 0, "negative target count")
        if targetCount > 0 {
            precondition(labels.isEmpty, "labels and targets together")
            precondition(
                targets.count % targetCount == 0,
                "\(targets.count) targets in rows of \(targetCount)")
        } else {
            precondition(targets.isEmpty, "targets with a target count of 0")
            precondition(
                labels.allSatisfy { $0 >= 0 && Int($0) < classNames.count },
                "a label is outside 0..<\(classNames.count)")
        }
        let count = targetCount > 0
            ? targets.count / targetCount : labels.count
        precondition(
            features.count == count * featureCount,
            "\(features.count) features for \(count) samples "
                + "of \(featureCount)")
        self.init(
            unchecked: features, labels: labels, featureCount: featureCount,
            classNames: classNames, targets: targets,
            targetCount: targetCount)
    }

    /// Creates a data set whose invariants the caller has already checked.
    init(
        unchecked features: [Float], labels: [Int32], featureCount: Int,
        classNames: [String], targets: [Float] = [], targetCount: Int = 0
    ) {
        self.features = features
        self.labels = labels
        self.featureCount = featureCount
        self.classNames = classNames
        self.targets = targets
        self.targetCount = targetCount
    }

    /// The features of sample `index`.
    public func row(_ index: Int) -> ArraySlice<Float> {
        features[(index * featureCount)..<((index + 1) * featureCount)]
    }

    /// The targets of sample `index`; empty for classification.
    public func targetRow(_ index: Int) -> ArraySlice<Float> {
        targets[(index * targetCount)..<((index + 1) * targetCount)]
    }

    /// The samples at `indices`, in that order (repeats allowed).
    public func subset(_ indices: [Int]) -> Dataset {
        let count = self.count
        for index in indices {
            precondition(
                index >= 0 && index < count,
                "row \(index) is outside 0..<\(count)")
        }
        return Dataset(
            unchecked: Self.gather(features, width: featureCount, indices),
            labels: targetCount > 0 ? [] : indices.map { labels[$0] },
            featureCount: featureCount, classNames: classNames,
            targets: Self.gather(targets, width: targetCount, indices),
            targetCount: targetCount)
    }

    /// The rows `indices` of `values`, rows of `width` values each.
    private static func gather(
        _ values: [Float], width: Int, _ indices: [Int]
    ) -> [Float] {
        // values is (rows, width); result is (indices.count, width).
        [Float](
            unsafeUninitializedCapacity: indices.count * width
        ) { buffer, initialized in
            values.withUnsafeBufferPointer { source in
                guard width > 0 else { return }
                for (row, index) in indices.enumerated() {
                    let from = source.baseAddress! + index * width
                    (buffer.baseAddress! + row * width)
                        .initialize(from: from, count: width)
                }
            }
            initialized = indices.count * width
        }
    }
}
