import Datasets
import Dispatch
import Foundation
import NeuralNet

/// The training loop and everything it mutates. It lives on the session's
/// queue only and talks to the outside through the session.
struct Trainer {
    /// Points kept of the per-batch loss curve.
    static let lossCapacity = 4096
    /// Points kept of the per-epoch validation curves.
    static let validationCapacity = 2048
    /// Epoch summaries kept in snapshots, the latest ones.
    static let summaryCapacity = 1000
    /// Live changes may move the learning rate within these bounds; a rate
    /// of 0 could never be scaled back up.
    static let learningRateRange: ClosedRange<Float> = 1e-9...1e6
    /// Least time between two published snapshots while training.
    static let publishInterval: UInt64 = 50_000_000
    /// Batches between copies of the weights kept for divergence rollback.
    static let rollbackInterval = 100

    private let configuration: TrainingConfiguration
    private let data: DataSplits
    private unowned let session: TrainingSession
    private let network: Network
    private var optimizer: any Optimizer
    private var rates: ScheduledLearningRate
    private var earlyStopping: EarlyStopping?
    private var bestParameters: [(weights: [Float], bias: [Float])] = []
    private var generator: SeededGenerator

    private var snapshot: Snapshot
    private var trainingLoss: DownsampledSeries
    private var validationLoss: DownsampledSeries
    private var validationAccuracy: DownsampledSeries
    private var state: RunState
    private var epoch = 1
    private var step = 0
    private var quitRequested = false
    /// Commands taken from the mailbox but not applied yet: a single step
    /// ends a batch boundary, and what follows it waits for the next.
    private var pending: [Command] = []
    private var lastGood: [(weights: [Float], bias: [Float])] = []
    private var lastGoodStep = 0

    private var clock = ActiveClock()
    private var lastPublish: UInt64 = 0
    private var norms: [(gradientNorm: Float, updateNorm: Float)] = []

    private let checkpoints: CheckpointPlan?
    private let log: MetricsLog?

    init(
        configuration: TrainingConfiguration, data: DataSplits,
        startPaused: Bool, checkpoints: CheckpointPlan?,
        resume: TrainingCheckpoint?, log: MetricsLog?,
        session: TrainingSession
    ) {
        self.checkpoints = checkpoints
        self.log = log
        self.configuration = configuration
        self.data = data
        self.session = session
        var generator = SeededGenerator(seed: configuration.seed)
        network = Network(
            inputSize: data.train.featureCount,
            hidden: configuration.hiddenLayers,
            outputs: data.outputCount,
            loss: data.loss(labelSmoothing: configuration.labelSmoothing),
            initialization: configuration.initialization,
            maxBatch: max(1, configuration.batchSize),
            generator: &generator)
        self.generator = generator
        snapshot = session.snapshot
        do {
            rates = try configuration.learningRates(
                stepsPerEpoch: snapshot.stepsPerEpoch)
        } catch {
            preconditionFailure("validate the schedule first: \(error)")
        }
        do {
            optimizer = try configuration.optimizer.makeOptimizer()
        } catch {
            preconditionFailure("validate the optimizer first: \(error)")
        }
        optimizer.learningRate = rates.rate(atStep: 0)
        earlyStopping = configuration.earlyStoppingPatience.map {
            EarlyStopping(patience: $0)
        }
        trainingLoss = DownsampledSeries(capacity: Self.lossCapacity)
        validationLoss = DownsampledSeries(capacity: Self.validationCapacity)
        validationAccuracy = DownsampledSeries(
            capacity: Self.validationCapacity)
        state = startPaused ? .paused : .running
        norms = network.layers.map { _ in (0, 0) }
        if let resume { restore(from: resume) }
        lastGood = network.parameters
        lastGoodStep = step
    }

    /// Continues a saved run: weights, optimizer, generators, schedule,
    /// early stopping and history, from the epoch after the saved one.
    private mutating func restore(from checkpoint: TrainingCheckpoint) {
        let saved = checkpoint.state
        do {
            bestParameters = try checkpoint.restore(into: network)
            try optimizer.load(checkpoint.optimizerState, for: network)
        } catch {
            preconditionFailure("validate the checkpoint first: \(error)")
        }
        guard let shuffle = SeededGenerator(hexWords: saved.generator),
            let dropout = SeededGenerator(hexWords: saved.dropoutGenerator)
        else { preconditionFailure("validate the checkpoint first") }
        generator = shuffle
        network.dropoutGenerator = dropout
        rates = saved.rates
        earlyStopping = saved.earlyStopping
        trainingLoss = saved.trainingLoss
        validationLoss = saved.validationLoss
        validationAccuracy = saved.validationAccuracy
        epoch = saved.epochsCompleted + 1
        step = saved.step
        clock = ActiveClock(alreadyElapsed: saved.elapsedSeconds)
        optimizer.learningRate = rates.rate(atStep: step)
        snapshot.epochSummaries = saved.epochSummaries
        snapshot.events = saved.events
        snapshot.validationLoss = validationLoss.points
        snapshot.validationAccuracy = validationAccuracy.points
    }

    /// Writes a checkpoint of the run as it stands after an epoch.
    private mutating func save(epochsCompleted: Int) {
        guard let plan = checkpoints else { return }
        let state = TrainingCheckpoint.State(
            data: plan.data, configuration: SavedConfiguration(configuration),
            epochsCompleted: epochsCompleted, step: step,
            generator: generator.hexWords,
            dropoutGenerator: network.dropoutGenerator.hexWords,
            optimizerStep: optimizer.state.step, rates: rates,
            earlyStopping: earlyStopping, trainingLoss: trainingLoss,
            validationLoss: validationLoss,
            validationAccuracy: validationAccuracy,
            epochSummaries: snapshot.epochSummaries, events: snapshot.events,
            elapsedSeconds: Double(clock.activeNanoseconds) / 1e9)
        var tensors = TrainingCheckpoint.tensors(of: network)
        if !bestParameters.isEmpty {
            tensors += TrainingCheckpoint.tensors(
                of: bestParameters, network: network, prefix: "best.")
        }
        tensors += TrainingCheckpoint.tensors(of: optimizer.state)
        let checkpoint = TrainingCheckpoint(
            state: state, tensors: tensors, path: plan.url.path)
        do {
            try checkpoint.save(to: plan.url)
            session.report(.saved(path: plan.url.path, epoch: epochsCompleted))
        } catch {
            snapshot.message = "checkpoint not saved: \(error)"
            session.report(.saveFailed("\(error)"))
        }
    }

    // MARK: - The loop

    mutating func run() {
        let train = data.train
        let batchSize = max(1, configuration.batchSize)
        let width = train.featureCount
        var order = Array(0..<train.count)
        var batchInputs = [Float](repeating: 0, count: batchSize * width)
        let regression = train.isRegression
        var batchLabels = [Int32](
            repeating: 0, count: regression ? 0 : batchSize)
        var batchTargets = [Float](
            repeating: 0, count: regression ? batchSize * train.targetCount : 0)
        if state == .running { clock.resume() }
        publish(force: true)

        epochs: while epoch <= configuration.epochs {
            // From the identity each epoch, so an epoch's order depends only
            // on the generator, which a checkpoint can carry.
            for index in order.indices { order[index] = index }
            order.shuffle(using: &generator)
            var lossSum: Double = 0
            var lossCount = 0
            let epochStart = clock.activeNanoseconds
            var start = 0
            while start < train.count {
                guard let singleStep = waitForGo() else { break epochs }
                optimizer.learningRate = rates.rate(atStep: step)
                let count = min(batchSize, train.count - start)
                gather(
                    train, order[start..<(start + count)],
                    into: &batchInputs, labels: &batchLabels,
                    targets: &batchTargets)
                let loss = batchInputs.withUnsafeBufferPointer { inputs in
                    regression
                        ? batchTargets.withUnsafeBufferPointer { targets in
                            network.trainingStep(
                                inputs: inputs, targets: targets, count: count)
                        }
                        : batchLabels.withUnsafeBufferPointer { labels in
                            network.trainingStep(
                                inputs: inputs, labels: labels, count: count)
                        }
                }
                guard loss.isFinite else {
                    diverge(loss: loss)
                    continue
                }
                norms = optimizer.update(network)
                start += count
                step += 1
                lossSum += Double(loss)
                lossCount += 1
                trainingLoss.append(step: step, value: loss)
                log?.logBatch(
                    step: step, epoch: epoch, loss: loss,
                    learningRate: optimizer.learningRate)
                clock.count(samples: count)
                if step - lastGoodStep >= Self.rollbackInterval {
                    lastGood = network.parameters
                    lastGoodStep = step
                }
                if singleStep {
                    record(.singleStep)
                    publish(force: true)
                } else {
                    publish(force: false)
                }
            }
            let seconds = Double(clock.activeNanoseconds - epochStart) / 1e9
            endEpoch(
                meanLoss: Float(lossSum / Double(max(1, lossCount))),
                samplesPerSecond: Double(train.count) / max(seconds, 1e-9))
            if stopEarlyIfDue() { break }
            if let every = checkpoints?.everyEpochs, epoch % every == 0,
                epoch < configuration.epochs
            {
                save(epochsCompleted: epoch)
            }
            epoch += 1
        }
        finish()
    }

    /// Applies queued commands and waits while paused. Returns whether the
    /// next batch is a single step taken while paused, or nil to stop.
    private mutating func waitForGo() -> Bool? {
        while true {
            pending += session.takeCommands()
            while !pending.isEmpty {
                if let singleStep = apply(pending.removeFirst()) {
                    return singleStep
                }
            }
            if quitRequested { return nil }
            if state == .running { return false }
            publish(force: true)
            session.waitForCommand()
        }
    }

    /// Applies one command; returns true when it asks for one batch now.
    private mutating func apply(_ command: Command) -> Bool? {
        switch command {
        case .pause where state == .running:
            state = .paused
            clock.pause()
            record(.paused)
        case .resume where state != .running:
            state = .running
            clock.resume()
            snapshot.message = nil
            record(.resumed)
        case .step:
            // A step while running pauses after that one batch.
            if state == .running {
                state = .paused
                clock.pause()
                record(.paused)
            }
            return true
        case .scaleLearningRate(let factor):
            changeLearningRate { $0.scaleRate(by: factor) }
        case .setLearningRate(let value):
            changeLearningRate { [step] in $0.setRate(value, atStep: step) }
        case .quit:
            quitRequested = true
        default:
            break
        }
        return nil
    }

    /// Applies a live change through the schedule (it scales whatever the
    /// schedule gives from now on) and records it.
    private mutating func changeLearningRate(
        _ change: (inout ScheduledLearningRate) -> Bool
    ) {
        let old = rates.rate(atStep: step)
        let before = rates
        guard change(&rates) else { return }
        let new = rates.rate(atStep: step)
        guard Self.learningRateRange.contains(new) else {
            rates = before
            return
        }
        guard new != old else { return }
        optimizer.learningRate = new
        record(.learningRate(old: old, new: new))
    }

    /// Stops updates after a non-finite loss: the weights go back to the
    /// last copy taken before the blow-up, the optimizer's state is cleared,
    /// and the run pauses until the user resumes, usually with a lower
    /// learning rate.
    private mutating func diverge(loss: Float) {
        do {
            try network.loadParameters(lastGood)
        } catch {
            preconditionFailure("parameters copied from this network: \(error)")
        }
        optimizer.resetState()
        // The batches since the copy were undone; so is their part of the
        // curve, or one huge loss would dominate the chart's average.
        trainingLoss.removePoints(after: lastGoodStep)
        if state == .running { clock.pause() }
        state = .diverged
        record(.diverged(loss: loss))
        snapshot.message = "loss \(loss.isNaN ? "nan" : "\(loss)") at "
            + "step \(step + 1), lr \(formatted(optimizer.learningRate)): "
            + "weights of step \(lastGoodStep) restored. Press - then space."
        publish(force: true)
    }

    // MARK: - Epochs and the end

    private mutating func endEpoch(meanLoss: Float, samplesPerSecond: Double) {
        let result = Evaluation(network, on: data.validation)
        // Bounded copies: a run of many short epochs would otherwise copy
        // ever longer arrays into every published snapshot.
        validationLoss.append(step: step, value: result.loss)
        if let accuracy = result.accuracy {
            validationAccuracy.append(step: step, value: accuracy)
        }
        snapshot.validationLoss = validationLoss.points
        snapshot.validationAccuracy = validationAccuracy.points
        let summary = EpochSummary(
            epoch: epoch, trainingLoss: meanLoss,
            validationLoss: result.loss,
            validationAccuracy: result.accuracy ?? .nan,
            samplesPerSecond: samplesPerSecond,
            learningRate: optimizer.learningRate,
            validationRMSE: result.rootMeanSquaredError,
            validationR2: result.rSquared)
        if snapshot.epochSummaries.count == Self.summaryCapacity {
            snapshot.epochSummaries.removeFirst()
        }
        snapshot.epochSummaries.append(summary)
        session.report(.epochEnded(summary))
        optimizer.learningRate = rates.endEpoch(validationLoss: result.loss)
        if earlyStopping?.record(validationLoss: result.loss, epoch: epoch)
            == true
        {
            bestParameters = network.parameters
        }
        publish(force: true)
    }

    /// Ends the run when early stopping says so, with the best epoch's
    /// weights put back. Returns true when the run should end.
    private mutating func stopEarlyIfDue() -> Bool {
        guard let stopping = earlyStopping, stopping.shouldStop,
            let best = stopping.bestEpoch
        else { return false }
        do {
            try network.loadParameters(bestParameters)
        } catch {
            preconditionFailure("parameters copied from this network: \(error)")
        }
        record(.earlyStopped(bestEpoch: best))
        return true
    }

    private mutating func finish() {
        clock.pause()
        if quitRequested { record(.stopped) }
        if let test = data.test {
            let result = Evaluation(network, on: test)
            snapshot.testLoss = result.loss
            snapshot.testAccuracy = result.accuracy
            snapshot.testRMSE = result.rootMeanSquaredError
            snapshot.testR2 = result.rSquared
        }
        // A run stopped inside an epoch resumes from that epoch's start,
        // with the weights it had when it stopped.
        save(epochsCompleted: quitRequested
            ? epoch - 1 : min(epoch, configuration.epochs))
        epoch = min(epoch, configuration.epochs)
        state = .finished
        publish(force: true)
        session.report(.finished(snapshot))
    }

    // MARK: - Snapshots and events

    private mutating func record(_ kind: TrainingEvent.Kind) {
        let event = TrainingEvent(step: step, epoch: epoch, kind: kind)
        snapshot.events.append(event)
        session.report(.event(event))
    }

    private mutating func publish(force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - lastPublish >= Self.publishInterval else { return }
        lastPublish = now
        snapshot.state = state
        snapshot.epoch = min(epoch, configuration.epochs)
        snapshot.step = step
        snapshot.hyperparameters.learningRate = optimizer.learningRate
        snapshot.trainingLoss = trainingLoss.points
        snapshot.samplesPerSecond = clock.samplesPerSecond
        snapshot.elapsedSeconds = Double(clock.activeNanoseconds) / 1e9
        snapshot.layers = network.layers.enumerated().map { index, layer in
            LayerView(
                name: "dense \(index + 1)  \(layer.inputs)→\(layer.outputs) "
                    + (index == network.layers.count - 1
                        ? "softmax" : layer.activation.rawValue),
                inputs: layer.inputs, outputs: layer.outputs,
                weights: layer.weights,
                gradientNorm: norms[index].gradientNorm,
                updateNorm: norms[index].updateNorm)
        }
        session.publish(snapshot)
    }

    // MARK: - Batches

    /// Copies the rows named by `indices` into the batch buffers: labels
    /// for classification, targets for regression.
    private func gather(
        _ set: Dataset, _ indices: ArraySlice<Int>,
        into inputs: inout [Float], labels: inout [Int32],
        targets: inout [Float]
    ) {
        // inputs is (batch, featureCount), targets (batch, targetCount);
        // rows copied whole.
        Self.copyRows(
            set.features, width: set.featureCount, indices, into: &inputs)
        if set.isRegression {
            Self.copyRows(
                set.targets, width: set.targetCount, indices, into: &targets)
        } else {
            for (row, index) in indices.enumerated() {
                labels[row] = set.labels[index]
            }
        }
    }

    private static func copyRows(
        _ source: [Float], width: Int, _ indices: ArraySlice<Int>,
        into target: inout [Float]
    ) {
        source.withUnsafeBufferPointer { source in
            target.withUnsafeMutableBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    (target.baseAddress! + row * width).update(
                        from: source.baseAddress! + index * width,
                        count: width)
                }
            }
        }
    }
}

/// A learning rate as short text: `0.1`, `0.0125`, `3e-05`.
func formatted(_ value: Float) -> String {
    String(format: "%.4g", Double(value))
}
