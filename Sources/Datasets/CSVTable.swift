/// A CSV file as read: raw (unscaled) features, labels, and the column
/// names when the file has a header row.
public struct CSVTable: Sendable, Equatable {
    /// The rows, features as written in the file.
    public var dataset: Dataset
    /// Header names of the feature columns, in order; nil without header.
    public var featureNames: [String]?
    /// Header name of the label column; nil without header.
    public var labelName: String?
    /// 1-based column of the labels in the file.
    public var labelColumn: Int

    /// Creates a table.
    public init(
        dataset: Dataset, featureNames: [String]?, labelName: String?,
        labelColumn: Int
    ) {
        self.dataset = dataset
        self.featureNames = featureNames
        self.labelName = labelName
        self.labelColumn = labelColumn
    }
}
