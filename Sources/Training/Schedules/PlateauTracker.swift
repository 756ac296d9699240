/// The running state of a reduce-on-plateau schedule.
///
/// Follows PyTorch `ReduceLROnPlateau.step` line for line, so the same
/// validation losses cut the rate in the same epochs.
struct PlateauTracker: Sendable, Equatable, Codable {
    /// A cut smaller than this is skipped, as in PyTorch (`eps`).
    static let smallestCut = 1e-8

    let settings: PlateauSettings
    /// The scheduled rate: the base with every cut so far applied.
    private(set) var rate: Double
    private(set) var best = Double.infinity
    private(set) var badEpochs = 0
    private(set) var cooldownLeft = 0

    init(settings: PlateauSettings, base: Double) {
        self.settings = settings
        self.rate = base
    }

    /// Takes one epoch's validation loss; true when it cut the rate.
    @discardableResult
    mutating func record(validationLoss: Double) -> Bool {
        // A NaN loss compares false, so it counts as a bad epoch.
        if validationLoss < best * (1 - settings.threshold) {
            best = validationLoss
            badEpochs = 0
        } else {
            badEpochs += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badEpochs = 0
        }
        guard badEpochs > settings.patience else { return false }
        cooldownLeft = settings.cooldown
        badEpochs = 0
        let reduced = max(rate * settings.factor, settings.minimumRate)
        guard rate - reduced > Self.smallestCut else { return false }
        rate = reduced
        return true
    }
}
