/// The learning rate of every batch of a run: a schedule times a user
/// scale.
///
/// The trainer asks ``rate(atStep:)`` before each batch and calls
/// ``endEpoch(validationLoss:)`` after each epoch's validation.
///
/// Live changes (the dashboard's `+`, `-` and typed rates) do not replace
/// the schedule; they change a user scale applied on top of it, so the
/// effective rate is schedule(step) × ``userScale`` and the schedule's shape
/// continues from the new level: doubling the rate halfway down a cosine
/// keeps the cosine, twice as high. ``setRate(_:atStep:)`` picks the scale
/// that makes the current effective rate the value asked for. Cuts by a
/// reduce-on-plateau schedule multiply the scheduled rate, so they compose
/// with the user scale the same way; the plateau floor (`minimumRate`) and
/// PyTorch's smallest-cut rule apply to the scheduled rate, before the
/// user scale.
public struct ScheduledLearningRate: Sendable, Equatable, Codable {
    /// The rate the schedule starts from (`--lr`).
    public let base: Float
    /// The shape over the run.
    public let schedule: LearningRateSchedule
    /// Batches per epoch; per-epoch schedules find the epoch from it.
    public let stepsPerEpoch: Int
    /// Epochs in the run; per-batch schedules span all their batches.
    public let totalEpochs: Int
    /// What live changes multiplied the schedule by (1 = none).
    public private(set) var userScale: Double = 1
    /// Epochs ended with ``endEpoch(validationLoss:)``.
    public private(set) var epochsCompleted = 0
    private var plateau: PlateauTracker?

    /// Creates the driver; throws when a warmup is as long as the run.
    public init(
        base: Float, schedule: LearningRateSchedule, stepsPerEpoch: Int,
        totalEpochs: Int
    ) throws(ScheduleError) {
        precondition(stepsPerEpoch > 0, "an epoch needs at least one batch")
        precondition(totalEpochs > 0, "a run needs at least one epoch")
        if case .step(let stepSize, _) = schedule {
            precondition(stepSize > 0, "a step schedule needs 1+ epochs")
        }
        let totalSteps = stepsPerEpoch * totalEpochs
        if case .cosine(let warmup, _, _) = schedule, warmup >= totalSteps {
            throw .warmupTooLong(warmupSteps: warmup, totalSteps: totalSteps)
        }
        self.base = base
        self.schedule = schedule
        self.stepsPerEpoch = stepsPerEpoch
        self.totalEpochs = totalEpochs
        if case .plateau(let settings) = schedule {
            plateau = PlateauTracker(settings: settings, base: Double(base))
        }
    }

    /// Batches in the whole run.
    public var totalSteps: Int { stepsPerEpoch * totalEpochs }

    /// The schedule's rate for a 0-based batch index, without the user
    /// scale.
    public func scheduledRate(atStep step: Int) -> Double {
        if let plateau { return plateau.rate }
        return schedule.rate(
            base: Double(base), step: max(0, step),
            stepsPerEpoch: stepsPerEpoch, totalSteps: totalSteps)
    }

    /// The rate to train the batch with 0-based index `step` (counted over
    /// the whole run, not within the epoch).
    public func rate(atStep step: Int) -> Float {
        Float(scheduledRate(atStep: step) * userScale)
    }

    /// Ends an epoch; returns the rate for the first batch of the next.
    ///
    /// Only a plateau schedule reads the loss; a NaN loss counts as no
    /// improvement there.
    @discardableResult
    public mutating func endEpoch(validationLoss: Float) -> Float {
        plateau?.record(validationLoss: Double(validationLoss))
        epochsCompleted += 1
        return rate(atStep: epochsCompleted * stepsPerEpoch)
    }

    /// Multiplies the effective rate by `factor` from now on; ignores a
    /// factor that is not finite and positive and then returns false.
    @discardableResult
    public mutating func scaleRate(by factor: Float) -> Bool {
        guard factor.isFinite, factor > 0 else { return false }
        userScale *= Double(factor)
        return true
    }

    /// Makes the effective rate at `step` equal `value` by choosing the
    /// user scale; the schedule then continues from there.
    ///
    /// Returns false, changing nothing, when `value` is not finite and
    /// positive or the schedule's rate at `step` is zero (no scale can
    /// lift a zero).
    @discardableResult
    public mutating func setRate(_ value: Float, atStep step: Int) -> Bool {
        let scheduled = scheduledRate(atStep: step)
        guard value.isFinite, value > 0, scheduled > 0 else { return false }
        userScale = Double(value) / scheduled
        return true
    }
}
