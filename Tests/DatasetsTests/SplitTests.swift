@testable import Datasets
import Foundation
import Testing

/// Seeded, disjoint splits of the sizes asked for.
@Suite struct SplitTests {
    /// A CSV of `count` rows whose label names the row: r00, r01, ...
    func namedRows(_ count: Int) throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let text = (0..<count).map { row in
            "\(row * row),3,r" + (row < 10 ? "0\(row)" : "\(row)")
        }.joined(separator: "\n")
        return (folder, try folder.write("rows.csv", text: text))
    }

    func rowNames(_ set: Dataset?) -> [String] {
        (set?.labels ?? []).map { set!.classNames[Int($0)] }
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(generator.next() == 0x06c4_5d18_8009_454f)
    }

    @Test func boundedDrawsStayInRangeAndReachEveryValue() {
        var generator = SplitMix64(seed: 99)
        var seen = Set<UInt64>()
        for _ in 0..<1000 {
            let value = generator.next(below: 7)
            #expect(value < 7)
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }

    @Test func planForASeedIsFixed() throws {
        let plan = try SplitPlan(
            count: 10, validationFraction: 0.2, holdOutTest: true, seed: 42,
            name: "ten")
        // Cross-checked with an independent Python SplitMix64 and
        // Fisher-Yates written from the same description.
        #expect(plan.validation == [3, 8])
        #expect(plan.test == [5, 6])
        #expect(plan.train == [0, 1, 2, 4, 7, 9])
    }

    @Test func bundledSplitsHaveTheExpectedSizes() throws {
        let iris = try DataLoader.load("iris", validationFraction: 0.2, seed: 1)
        #expect(iris.train.count == 90)
        #expect(iris.validation.count == 30)
        #expect(iris.test?.count == 30)

        let digits = try DataLoader.load(
            "digits", validationFraction: 0.1, seed: 1)
        #expect(digits.train.count == 1437)
        #expect(digits.validation.count == 180)
        #expect(digits.test?.count == 180)

        let mnist = try mnistSplits.get()
        #expect(mnist.train.count == 54_000)
        #expect(mnist.validation.count == 6000)
    }

    @Test func sameSeedGivesTheSameSplitsAndAnotherSeedDoesNot() throws {
        let (folder, file) = try namedRows(40)
        defer { folder.remove() }
        func load(seed: UInt64) throws -> DataSplits {
            try DataLoader.load(file.path, validationFraction: 0.2, seed: seed)
        }
        let a = try load(seed: 11)
        let b = try load(seed: 11)
        let c = try load(seed: 12)
        #expect(a.train == b.train)
        #expect(a.validation == b.validation)
        #expect(a.test == b.test)
        #expect(rowNames(a.validation) != rowNames(c.validation))
    }

    @Test func splitsAreDisjointAndCoverEveryRow() throws {
        let (folder, file) = try namedRows(25)
        defer { folder.remove() }
        let splits = try DataLoader.load(
            file.path, validationFraction: 0.2, seed: 4)
        let names = rowNames(splits.train) + rowNames(splits.validation)
            + rowNames(splits.test)
        #expect(names.count == 25)
        #expect(Set(names).count == 25)
        #expect(splits.validation.count == 5 && splits.test?.count == 5)
        // Each split keeps file order.
        #expect(rowNames(splits.train) == rowNames(splits.train).sorted())
    }

    @Test func threeRowsSplitOneEach() throws {
        let (folder, file) = try namedRows(3)
        defer { folder.remove() }
        let splits = try DataLoader.load(
            file.path, validationFraction: 0.01, seed: 8)
        #expect(splits.train.count == 1)
        #expect(splits.validation.count == 1)
        #expect(splits.test?.count == 1)
    }

    @Test func smallDataShrinksHeldOutSplitsBeforeTraining() throws {
        let plan = try SplitPlan(
            count: 4, validationFraction: 0.49, holdOutTest: true, seed: 1,
            name: "four")
        #expect(plan.train.count == 2)
        #expect(plan.validation.count == 1)
        #expect(plan.test?.count == 1)
    }
}
