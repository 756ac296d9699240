import Dispatch
import Testing
@testable import Training

@Suite struct TrainingSessionTests {
    private func run(
        _ configuration: TrainingConfiguration, startPaused: Bool = false,
        commands: (TrainingSession) -> Void = { _ in }
    ) -> Snapshot {
        let session = TrainingSession(
            configuration: configuration, data: blobSplits(),
            startPaused: startPaused)
        session.start()
        commands(session)
        #expect(session.waitUntilFinished(timeout: .now() + 60))
        return session.snapshot
    }

    /// Polls until the condition holds; commands are asynchronous.
    private func eventually(
        _ session: TrainingSession, _ condition: (Snapshot) -> Bool
    ) -> Bool {
        for _ in 0..<2000 {
            if condition(session.snapshot) { return true }
            usleepMilliseconds(5)
        }
        return false
    }

    @Test func aRunTrainsEveryEpochAndReachesFullAccuracyOnBlobs() {
        let final = run(smallConfiguration())
        #expect(final.state == .finished)
        #expect(final.step == 3 * 16)
        #expect(final.epochSummaries.map(\.epoch) == [1, 2, 3])
        #expect(final.validationAccuracy.last?.value == 1)
        #expect(final.testAccuracy == 1)
        #expect(final.trainingLoss.count == 48)
        #expect(final.layers.map(\.inputs) == [2, 8])
        #expect(final.layers.map(\.outputs) == [8, 2])
    }

    @Test func theSameSeedGivesTheIdenticalLossSequence() {
        let first = run(smallConfiguration())
        let second = run(smallConfiguration())
        #expect(first.trainingLoss == second.trainingLoss)
        #expect(first.validationLoss == second.validationLoss)
        #expect(first.layers.map(\.weights) == second.layers.map(\.weights))
    }

    @Test func aPausedStartTrainsNothingUntilAStep() {
        let session = TrainingSession(
            configuration: smallConfiguration(), data: blobSplits(),
            startPaused: true)
        session.start()
        usleepMilliseconds(50)
        #expect(session.snapshot.step == 0)
        #expect(session.snapshot.state == .paused)

        session.send(.step)
        #expect(eventually(session) { $0.step == 1 })
        usleepMilliseconds(50)
        let afterStep = session.snapshot
        #expect(afterStep.step == 1)
        #expect(afterStep.state == .paused)
        #expect(afterStep.events == [
            TrainingEvent(step: 1, epoch: 1, kind: .singleStep)
        ])
        session.send(.quit)
        #expect(session.waitUntilFinished(timeout: .now() + 10))
        #expect(session.snapshot.events.last?.kind == .stopped)
        #expect(session.snapshot.state == .finished)
    }

    @Test func learningRateChangesAreEventsAtTheirStep() {
        let session = TrainingSession(
            configuration: smallConfiguration(), data: blobSplits(),
            startPaused: true)
        session.start()
        session.send(.step)
        session.send(.step)
        #expect(eventually(session) { $0.step == 2 })
        session.send(.scaleLearningRate(2))
        session.send(.setLearningRate(0.05))
        #expect(eventually(session) { $0.events.count == 4 })
        #expect(session.snapshot.events.suffix(2) == [
            TrainingEvent(
                step: 2, epoch: 1, kind: .learningRate(old: 0.1, new: 0.2)),
            TrainingEvent(
                step: 2, epoch: 1, kind: .learningRate(old: 0.2, new: 0.05)),
        ])
        #expect(session.snapshot.hyperparameters.learningRate == 0.05)
        session.send(.resume)
        #expect(session.waitUntilFinished(timeout: .now() + 60))
        let final = session.snapshot
        #expect(final.events.last?.kind == .resumed)
        #expect(final.epochSummaries.last?.learningRate == 0.05)
    }

    @Test func pauseAndResumeAreRecordedAndTheRunCompletes() {
        let session = TrainingSession(
            configuration: smallConfiguration(epochs: 200), data: blobSplits())
        session.start()
        session.send(.pause)
        #expect(eventually(session) { $0.state == .paused })
        let pausedAt = session.snapshot.step
        usleepMilliseconds(50)
        #expect(session.snapshot.step == pausedAt)
        session.send(.resume)
        #expect(eventually(session) { $0.step > pausedAt })
        session.send(.quit)
        #expect(session.waitUntilFinished(timeout: .now() + 60))
        let kinds = session.snapshot.events.map(\.kind)
        #expect(kinds == [.paused, .resumed, .stopped])
        #expect(session.snapshot.events[0].step == pausedAt)
    }

    @Test func aNonFiniteLossPausesTheRunAndRollsTheWeightsBack() {
        let session = TrainingSession(
            configuration: smallConfiguration(learningRate: 1e38),
            data: blobSplits())
        session.start()
        #expect(eventually(session) { $0.state == .diverged })
        let diverged = session.snapshot
        guard case .diverged(let loss)? = diverged.events.last?.kind else {
            Issue.record("no divergence event: \(diverged.events)")
            return
        }
        #expect(!loss.isFinite)
        #expect(diverged.message?.hasSuffix(
            "weights of step 0 restored. Press - then space.") == true)
        #expect(diverged.layers.allSatisfy { $0.weights.allSatisfy(\.isFinite) })

        session.send(.setLearningRate(0.1))
        session.send(.resume)
        #expect(session.waitUntilFinished(timeout: .now() + 60))
        #expect(session.snapshot.state == .finished)
        #expect(session.snapshot.validationLoss.allSatisfy { $0.value.isFinite })
    }

    @Test func aStepWhileRunningPausesAfterOneBatch() {
        let session = TrainingSession(
            configuration: smallConfiguration(epochs: 500), data: blobSplits())
        session.start()
        #expect(eventually(session) { $0.step > 0 })
        session.send(.step)
        #expect(eventually(session) { $0.state == .paused })
        let kinds = session.snapshot.events.map(\.kind)
        #expect(kinds == [.paused, .singleStep])
        let events = session.snapshot.events
        #expect(events[1].step == events[0].step + 1)
        session.send(.quit)
        #expect(session.waitUntilFinished(timeout: .now() + 10))
    }

    @Test func quittingEarlyStillScoresTheTestSet() {
        let session = TrainingSession(
            configuration: smallConfiguration(epochs: 500), data: blobSplits(),
            startPaused: true)
        session.start()
        session.send(.quit)
        #expect(session.waitUntilFinished(timeout: .now() + 10))
        let final = session.snapshot
        #expect(final.events.map(\.kind) == [.stopped])
        #expect(final.testAccuracy != nil)
        #expect(final.testLoss.map { $0.isFinite } == true)
    }

    @Test func aStepScheduleHalvesTheRateEachEpoch() {
        var configuration = smallConfiguration()
        configuration.schedule = .step(stepSize: 1, gamma: 0.5)
        let final = run(configuration)
        #expect(final.epochSummaries.map(\.learningRate) == [0.1, 0.05, 0.025])
        #expect(final.events.isEmpty)
    }

    @Test func aLiveChangeScalesTheScheduleFromThenOn() {
        var configuration = smallConfiguration()
        configuration.schedule = .step(stepSize: 1, gamma: 0.5)
        let final = run(configuration, startPaused: true) { session in
            session.send(.scaleLearningRate(2))
            session.send(.resume)
        }
        #expect(final.events.map(\.kind) == [
            .learningRate(old: 0.1, new: 0.2), .resumed,
        ])
        #expect(final.epochSummaries.map(\.learningRate) == [0.2, 0.1, 0.05])
    }

    @Test func liveChangesCannotTakeTheRateOutOfItsRange() {
        let final = run(smallConfiguration(), startPaused: true) { session in
            session.send(.scaleLearningRate(1e-12))
            session.send(.setLearningRate(0))
            session.send(.scaleLearningRate(1e12))
            session.send(.scaleLearningRate(0.5))
            session.send(.resume)
        }
        #expect(final.events.map(\.kind) == [
            .learningRate(old: 0.1, new: 0.05), .resumed,
        ])
    }

    @Test func earlyStoppingEndsTheRunAndKeepsTheBestEpoch() {
        // A rate this small leaves the validation loss where it is, so
        // epoch 1 stays the best and patience 2 ends the run after epoch 3.
        var configuration = smallConfiguration(epochs: 50, learningRate: 1e-30)
        configuration.earlyStoppingPatience = 2
        let final = run(configuration)
        #expect(final.epochSummaries.count == 3)
        #expect(final.events.map(\.kind) == [.earlyStopped(bestEpoch: 1)])
        #expect(final.state == .finished)
        #expect(final.testAccuracy != nil)
    }

    @Test func epochSummariesAreReportedInOrderThroughNotices() {
        let received = NoticeLog()
        let session = TrainingSession(
            configuration: smallConfiguration(), data: blobSplits()
        ) { notice in received.append(notice) }
        session.start()
        #expect(session.waitUntilFinished(timeout: .now() + 60))
        #expect(received.epochs == [1, 2, 3])
        #expect(received.finishedCount == 1)
    }
}

func usleepMilliseconds(_ milliseconds: Int) {
    let until = DispatchTime.now() + .milliseconds(milliseconds)
    DispatchSemaphore(value: 0).wait(timeout: until) == .timedOut ? () : ()
}
