/// Which rows of a data set go to training, validation and test.
///
/// Rows are drawn by a seeded shuffle, so a seed always gives the same
/// split. Validation takes `validationFraction` of the rows, rounded, and
/// at least one. When the source has no test set of its own, a test split
/// of the same size is held out too: the fraction must then be below 0.5.
/// Every split keeps at least one row when the data allows it; a small
/// data set shrinks validation and test before training goes empty. Rows
/// within each split stay in their file order, since training shuffles
/// them each epoch anyway.
struct SplitPlan: Equatable {
    var train: [Int]
    var validation: [Int]
    var test: [Int]?

    /// Plans the split of `count` rows of the data set called `name`.
    init(
        count: Int, validationFraction: Double, holdOutTest: Bool,
        seed: UInt64, name: String
    ) throws(DatasetError) {
        guard validationFraction > 0 && validationFraction < 1 else {
            throw .invalidFraction(validationFraction)
        }
        guard !holdOutTest || validationFraction < 0.5 else {
            throw .fractionTooLarge(name, fraction: validationFraction)
        }
        let splits = holdOutTest ? 3 : 2
        guard count >= splits else {
            throw .tooFewRows(name, count: count, holdingOutTest: holdOutTest)
        }

        let wanted = Int((Double(count) * validationFraction).rounded())
        let heldOut = min(max(wanted, 1), (count - 1) / (splits - 1))
        var generator = SplitMix64(seed: seed)
        let order = generator.permutation(count)

        validation = order[0..<heldOut].sorted()
        if holdOutTest {
            test = order[heldOut..<(2 * heldOut)].sorted()
        } else {
            test = nil
        }
        train = order[((splits - 1) * heldOut)...].sorted()
    }
}
