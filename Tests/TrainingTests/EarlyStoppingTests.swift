import Testing
@testable import Training

@Suite struct EarlyStoppingTests {
    /// Records losses as epochs first, first + 1, …; returns each
    /// improvement flag.
    private func feed(
        _ stopping: inout EarlyStopping, _ losses: [Float], from first: Int
    ) -> [Bool] {
        losses.enumerated().map { index, loss in
            stopping.record(validationLoss: loss, epoch: first + index)
        }
    }

    @Test func stopsAfterPatienceEpochsWithoutImprovement() {
        var stopping = EarlyStopping(patience: 2)
        #expect(feed(&stopping, [1.0, 0.8, 0.9], from: 1)
                == [true, true, false])
        #expect(!stopping.shouldStop)
        #expect(feed(&stopping, [0.8], from: 4) == [false])
        #expect(stopping.shouldStop)
        #expect(stopping.bestEpoch == 2)
        #expect(stopping.bestLoss == 0.8)
        #expect(stopping.epochsWithoutImprovement == 2)
    }

    @Test func anImprovementResetsTheCount() {
        var stopping = EarlyStopping(patience: 3)
        #expect(feed(&stopping, [1.0, 1.1, 1.2, 0.9], from: 1)
                == [true, false, false, true])
        #expect(stopping.epochsWithoutImprovement == 0)
        #expect(stopping.bestEpoch == 4)
        #expect(!stopping.shouldStop)
    }

    @Test func aNaNOrInfiniteLossNeverImproves() {
        var stopping = EarlyStopping(patience: 5)
        #expect(feed(&stopping, [.nan, .infinity], from: 1)
                == [false, false])
        #expect(stopping.bestEpoch == nil)
        #expect(stopping.bestLoss == nil)
        #expect(feed(&stopping, [2], from: 3) == [true])
        #expect(stopping.bestEpoch == 3)
        #expect(!stopping.isImprovement(.nan))
        #expect(!stopping.isImprovement(-.infinity))
    }

    @Test func minimumDeltaDemandsAClearImprovement() {
        var stopping = EarlyStopping(patience: 1, minimumDelta: 0.125)
        #expect(feed(&stopping, [1], from: 1) == [true])
        #expect(!stopping.isImprovement(0.875))
        #expect(stopping.isImprovement(0.75))
        #expect(feed(&stopping, [0.9], from: 2) == [false])
        #expect(stopping.shouldStop)
        #expect(stopping.bestLoss == 1)
    }

    @Test func isImprovementDoesNotRecord() {
        var stopping = EarlyStopping(patience: 1)
        #expect(stopping.isImprovement(3))
        #expect(stopping.bestLoss == nil)
        stopping.record(validationLoss: 3, epoch: 7)
        #expect(stopping.bestEpoch == 7)
    }

    @Test func patienceParsesFromTheCommandLine() throws {
        #expect(try EarlyStopping(parsing: "5").patience == 5)
        for bad in ["0", "-1", "x", "", "2.5"] {
            #expect(throws: ScheduleError.badPatience(text: bad)) {
                try EarlyStopping(parsing: bad)
            }
        }
        #expect(ScheduleError.badPatience(text: "x").description
                == "--early-stop: \"x\" is not a whole number of epochs of "
                + "at least 1; give one such as --early-stop 5")
    }
}
