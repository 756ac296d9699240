import Dispatch

/// Training time with pauses left out, and recent throughput.
struct ActiveClock {
    /// Length of the window recent throughput is measured over.
    static let window: UInt64 = 1_000_000_000

    private(set) var samplesPerSecond: Double = 0
    private var accumulated: UInt64 = 0
    private var runningSince: UInt64?
    private var windowStart: UInt64 = 0
    private var windowSamples = 0

    init() {}

    /// A clock that starts with time already spent, as in a resumed run.
    init(alreadyElapsed seconds: Double) {
        accumulated = UInt64(max(0, seconds) * 1e9)
    }

    /// Nanoseconds spent running so far.
    var activeNanoseconds: UInt64 {
        accumulated + (runningSince.map { Self.now - $0 } ?? 0)
    }

    mutating func resume() {
        guard runningSince == nil else { return }
        runningSince = Self.now
        windowStart = activeNanoseconds
        windowSamples = 0
    }

    mutating func pause() {
        guard let since = runningSince else { return }
        accumulated += Self.now - since
        runningSince = nil
    }

    /// Adds trained samples; the rate updates once per window, or at once
    /// when there is none yet.
    mutating func count(samples: Int) {
        windowSamples += samples
        let elapsed = activeNanoseconds - windowStart
        guard elapsed >= Self.window || (samplesPerSecond == 0 && elapsed > 0)
        else { return }
        samplesPerSecond = Double(windowSamples) / (Double(elapsed) / 1e9)
        windowStart += elapsed
        windowSamples = 0
    }

    private static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
}
