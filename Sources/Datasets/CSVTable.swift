/// A CSV file as read: raw (unscaled) features, labels or targets, the
/// task they are read for, and the column names when the file has a
/// header row.
public struct CSVTable: Sendable, Equatable {
    /// The rows, features as written in the file.
    public var dataset: Dataset
    /// Header names of the feature columns, in order; nil without header.
    public var featureNames: [String]?
    /// Header name of the label column; nil without header.
    public var labelName: String?
    /// 1-based column of the labels in the file.
    public var labelColumn: Int
    /// What the label column is read for: given, or found from the labels.
    public var task: LearningTask

    /// Creates a table; a nil `task` means regression when `dataset` holds
    /// targets, and classification otherwise.
    public init(
        dataset: Dataset, featureNames: [String]?, labelName: String?,
        labelColumn: Int, task: LearningTask? = nil
    ) {
        self.dataset = dataset
        self.featureNames = featureNames
        self.labelName = labelName
        self.labelColumn = labelColumn
        self.task = task
            ?? (dataset.isRegression ? .regression : .classification)
    }
}
