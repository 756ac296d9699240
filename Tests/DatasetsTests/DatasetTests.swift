import Datasets
import Testing

/// Rows and subsets of a data set.
@Suite struct DatasetTests {
    let set = Dataset(
        features: [1, 2, 3, 4, 5, 6], labels: [0, 1, 0], featureCount: 2,
        classNames: ["no", "yes"])

    @Test func subsetGathersRowsInTheOrderAsked() {
        let picked = set.subset([2, 0, 2])
        #expect(picked.features == [5, 6, 1, 2, 5, 6])
        #expect(picked.labels == [0, 0, 0])
        #expect(picked.classNames == ["no", "yes"])
        #expect(picked.count == 3)
    }

    @Test func emptySubsetKeepsTheShape() {
        let none = set.subset([])
        #expect(none.count == 0 && none.features.isEmpty)
        #expect(none.featureCount == 2)
    }

    @Test func rowReturnsOneSamplesFeatures() {
        #expect(Array(set.row(1)) == [3, 4])
        #expect(set.count == 3)
    }
}
