/// When ``LearningRateSchedule/plateau(_:)`` cuts the rate.
///
/// The defaults are PyTorch `ReduceLROnPlateau`'s: mode min, a relative
/// threshold, no cooldown and no floor.
public struct PlateauSettings: Sendable, Equatable, Codable {
    /// Epochs without improvement tolerated; the next one cuts the rate.
    public var patience: Int
    /// What a cut multiplies the rate by, in 0..<1.
    public var factor: Double
    /// Relative improvement needed: better means below best × (1 − this).
    public var threshold: Double
    /// Epochs after a cut during which no bad epoch is counted.
    public var cooldown: Int
    /// The scheduled rate never goes below this.
    public var minimumRate: Double

    /// Creates settings; the defaults are PyTorch's.
    public init(
        patience: Int = 10, factor: Double = 0.1, threshold: Double = 1e-4,
        cooldown: Int = 0, minimumRate: Double = 0
    ) {
        self.patience = patience
        self.factor = factor
        self.threshold = threshold
        self.cooldown = cooldown
        self.minimumRate = minimumRate
    }
}
