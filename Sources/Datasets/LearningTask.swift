/// What a network learns from a data set: classes, one yes/no decision, or
/// numbers.
///
/// When no task is given, it follows from the data:
///
/// - IDX data is `classification` (its labels are class bytes).
/// - A CSV label column holding any value that is not a finite number is
///   `classification`, or `binary` when it holds exactly 2 classes.
/// - An all-numeric CSV label column is `classification` (`binary` with
///   exactly 2 classes) when every value is an integer and there are at
///   most `maximumIntegerClasses` distinct labels; otherwise it is
///   `regression`. Integer codes such as 0...9 are far likelier to name
///   classes than to measure something; many distinct values or any
///   fraction mean a quantity.
///
/// A given task overrides the rule. Forcing `regression` on a column with
/// a non-numeric value, or `binary` on data without exactly 2 classes, is
/// a `DatasetError` of kind `taskMismatch`.
public enum LearningTask: String, Sendable, Equatable, CaseIterable {
    /// One class out of several: softmax over one output per class.
    case classification
    /// One of exactly two classes: a single yes/no output.
    case binary
    /// One number per sample, learned with the mean squared error.
    case regression

    /// The most distinct integer labels an all-numeric column may hold and
    /// still be read as classes when no task is given.
    public static let maximumIntegerClasses = 20

    /// The task for a label column, by the rule above.
    ///
    /// - Parameters:
    ///   - labelsAreNumbers: every label is a finite number.
    ///   - labelsAreIntegers: every label is a number with no fraction.
    ///   - classCount: the number of distinct labels.
    public static func detected(
        labelsAreNumbers: Bool, labelsAreIntegers: Bool, classCount: Int
    ) -> LearningTask {
        let isClasses = !labelsAreNumbers
            || (labelsAreIntegers && classCount <= maximumIntegerClasses)
        guard isClasses else { return .regression }
        return classCount == 2 ? .binary : .classification
    }
}
