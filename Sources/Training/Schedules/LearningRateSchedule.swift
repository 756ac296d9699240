import Foundation

/// How the learning rate moves over a run, before any live change.
///
/// `step`, `exponential` and `plateau` change the rate only between
/// epochs; `cosine` and `oneCycle` change it every batch, so a warmup can
/// be shorter than an epoch. Parameters are `Double` because PyTorch keeps
/// its rates in float64 and long runs multiply the rounding of a `Float`
/// gamma; ``ScheduledLearningRate`` rounds the final rate to `Float`.
public enum LearningRateSchedule: Sendable, Equatable, Codable {
    /// The base rate throughout (PyTorch: no scheduler).
    case constant
    /// The rate times `gamma` every `stepSize` epochs (PyTorch `StepLR`).
    case step(stepSize: Int, gamma: Double)
    /// The rate times `gamma` every epoch (PyTorch `ExponentialLR`).
    case exponential(gamma: Double)
    /// Per batch: a linear warmup, then a half cosine down to a floor.
    ///
    /// Over the first `warmupSteps` batches the rate climbs linearly from
    /// base × `warmupStartFactor` towards base (PyTorch `LinearLR`); from
    /// there a half cosine falls over the remaining batches of the run and
    /// would reach `minimumRate` one batch after the last (PyTorch
    /// `CosineAnnealingLR` with `T_max` = total − warmup, joined by
    /// `SequentialLR`). After the run it stays at `minimumRate`.
    case cosine(
        warmupSteps: Int = 0, warmupStartFactor: Double = 1.0 / 3,
        minimumRate: Double = 0)
    /// Per batch: PyTorch `OneCycleLR` with its defaults.
    ///
    /// Cosine from peak/25 up to the peak over the first 30 % of the run's
    /// batches, then cosine down to peak/25/10⁴ at the last batch. The peak
    /// is `maximumRate`, or the base rate when nil. Momentum is not cycled.
    case oneCycle(maximumRate: Double? = nil)
    /// Per epoch: PyTorch `ReduceLROnPlateau`, fed the validation loss.
    case plateau(PlateauSettings = PlateauSettings())

    /// Whether the rate can change within an epoch.
    public var changesEveryBatch: Bool {
        switch self {
        case .cosine, .oneCycle: true
        case .constant, .step, .exponential, .plateau: false
        }
    }

    /// The scheduled rate of one batch, for every case but `plateau`.
    ///
    /// `plateau` answers `base`: its reductions live in the state of
    /// ``ScheduledLearningRate``, which multiplies them in.
    func rate(
        base: Double, step: Int, stepsPerEpoch: Int, totalSteps: Int
    ) -> Double {
        // step is a 0-based batch index over the whole run; the result is
        // a rate in the units of base.
        let epoch = step / stepsPerEpoch
        switch self {
        case .constant, .plateau:
            return base
        case .step(let stepSize, let gamma):
            return base * pow(gamma, Double(epoch / stepSize))
        case .exponential(let gamma):
            return base * pow(gamma, Double(epoch))
        case .cosine(let warmup, let startFactor, let minimum):
            return Self.cosineRate(
                base: base, step: step, totalSteps: totalSteps,
                warmup: warmup, startFactor: startFactor, minimum: minimum)
        case .oneCycle(let maximum):
            return Self.oneCycleRate(
                peak: maximum ?? base, step: step, totalSteps: totalSteps)
        }
    }

    private static func cosineRate(
        base: Double, step: Int, totalSteps: Int, warmup: Int,
        startFactor: Double, minimum: Double
    ) -> Double {
        // Warmup covers steps 0..<warmup, the cosine warmup..<totalSteps.
        if step < warmup {
            let progress = Double(step) / Double(warmup)
            return base * (startFactor + (1 - startFactor) * progress)
        }
        let length = Double(totalSteps - warmup)
        let progress = min(1, Double(step - warmup) / length)
        return minimum + (base - minimum) * (1 + cos(.pi * progress)) / 2
    }

    private static func oneCycleRate(
        peak: Double, step: Int, totalSteps: Int
    ) -> Double {
        // Two phases as in PyTorch: they meet at batch 0.3 × total − 1
        // (fractional) and the second ends at batch total − 1.
        let initial = peak / 25
        let final = initial / 1e4
        let step = Double(min(step, totalSteps - 1))
        let peakStep = 0.3 * Double(totalSteps) - 1
        let lastStep = Double(totalSteps - 1)
        if step <= peakStep {
            return annealedCosine(
                from: initial, to: peak, progress: step / peakStep)
        }
        return annealedCosine(
            from: peak, to: final,
            progress: (step - peakStep) / (lastStep - peakStep))
    }

    private static func annealedCosine(
        from start: Double, to end: Double, progress: Double
    ) -> Double {
        end + (start - end) / 2 * (cos(.pi * progress) + 1)
    }
}
