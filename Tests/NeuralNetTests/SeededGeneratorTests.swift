import Testing

@testable import NeuralNet

@Suite struct SeededGeneratorTests {
    // Values from an independent integer implementation of SplitMix64 and
    // xoshiro256** (Blackman and Vigna's published algorithms).
    @Test func firstValuesMatchThePublishedAlgorithm() {
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0x99EC_5F36_CB75_F2B4)
        #expect(zero.next() == 0xBF6E_1F78_4956_452A)
        #expect(zero.next() == 0x1A5F_849D_4933_E6E0)

        var fortyTwo = SeededGenerator(seed: 42)
        #expect(fortyTwo.next() == 0x1578_0B2E_0C2E_C716)
        #expect(fortyTwo.next() == 0x6104_D986_6D11_3A7E)
        #expect(fortyTwo.next() == 0xAE17_5332_39E4_99A1)
    }

    @Test func uniformAndNormalFirstValuesArePinned() {
        var uniform = SeededGenerator(seed: 42)
        #expect(uniform.nextUniform() == 0.08386296033859253)
        #expect(uniform.nextUniform() == 0.37898021936416626)
        #expect(uniform.nextUniform() == 0.6800433993339539)

        var normal = SeededGenerator(seed: 42)
        #expect(normal.nextNormal() == -0.3032630681991577)
        #expect(normal.nextNormal() == 1.3438117504119873)
        #expect(normal.nextNormal() == 0.3834618031978607)
    }

    @Test func sameSeedGivesTheSameStream() {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        #expect(first == second)
        for _ in 0..<1000 {
            #expect(first.next() == second.next())
        }
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentStreams() {
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 2)
        #expect(first != second)
        let a = (0..<8).map { _ in first.next() }
        let b = (0..<8).map { _ in second.next() }
        #expect(a != b)
    }

    @Test func uniformStaysInTheHalfOpenUnitInterval() {
        var generator = SeededGenerator(seed: 3)
        var sum: Double = 0
        let count = 100_000
        for _ in 0..<count {
            let value = generator.nextUniform()
            #expect(value >= 0 && value < 1)
            sum += Double(value)
        }
        #expect(abs(sum / Double(count) - 0.5) < 0.01)
    }

    @Test func normalHasUnitVarianceAndZeroMean() {
        var generator = SeededGenerator(seed: 4)
        let count = 100_000
        let values = (0..<count).map { _ in Double(generator.nextNormal()) }
        let mean = values.reduce(0, +) / Double(count)
        let variance =
            values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
        #expect(abs(mean) < 0.02, "mean \(mean)")
        #expect(abs(variance - 1) < 0.02, "variance \(variance)")
        #expect(values.allSatisfy { $0.isFinite })
    }

    @Test func worksAsASwiftRandomNumberGenerator() {
        var first = SeededGenerator(seed: 9)
        var second = SeededGenerator(seed: 9)
        let a = (0..<20).map { _ in Int.random(in: 0..<100, using: &first) }
        let b = (0..<20).map { _ in Int.random(in: 0..<100, using: &second) }
        #expect(a == b)
        #expect(Set(a).count > 1)
    }
}
