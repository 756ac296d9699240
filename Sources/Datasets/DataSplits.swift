import Foundation

/// What a run trains and checks on.
public struct DataSplits: Sendable {
    /// "mnist", "digits", "iris", or the file or folder name.
    public var name: String
    /// The path the data was read from.
    public var source: String
    /// The rows the network learns from.
    public var train: Dataset
    /// Rows held out from training to watch for overfitting.
    public var validation: Dataset
    /// Rows for the final check; nil only if nothing could be held out.
    public var test: Dataset?
    /// Image size when each row is an image: 28x28 for IDX, 8x8 digits.
    public var imageShape: (rows: Int, columns: Int)?
    /// Names of the features, when the source has a header row.
    public var featureNames: [String]?
    /// The scaling fitted on the training split and applied to all
    /// splits; nil when the features were scaled by a fixed rule (IDX
    /// pixels /255).
    public var standardization: Standardization?
    /// What the network learns: classes, a yes/no decision, or numbers.
    public var task: LearningTask

    /// Creates splits from data sets that share features and classes (or
    /// targets). A nil `task` means regression when the splits hold
    /// targets, and classification otherwise; a given one must fit them.
    public init(
        name: String, source: String, train: Dataset, validation: Dataset,
        test: Dataset?, imageShape: (rows: Int, columns: Int)? = nil,
        featureNames: [String]? = nil,
        standardization: Standardization? = nil, task: LearningTask? = nil
    ) {
        let resolved = task
            ?? (train.isRegression ? .regression : .classification)
        precondition(
            (resolved == .regression) == train.isRegression,
            "\(resolved) splits must hold targets exactly when regression")
        precondition(
            resolved != .binary || train.classNames.count == 2,
            "binary splits with \(train.classNames.count) classes")
        self.task = resolved
        self.name = name
        self.source = source
        self.train = train
        self.validation = validation
        self.test = test
        self.imageShape = imageShape
        self.featureNames = featureNames
        self.standardization = standardization
    }

    /// Number of features per sample.
    public var featureCount: Int { train.featureCount }

    /// Display names of the classes; empty for regression.
    public var classNames: [String] { train.classNames }

    /// Number of targets per sample: 1 for regression, 0 otherwise.
    public var targetCount: Int { train.targetCount }
}
