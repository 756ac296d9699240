import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a call on a background queue, so
/// every run ends through its normal path and restores the terminal.
/// Owned by the main thread.
final class SignalWatcher {
    /// The signals a run ends on.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    private let sources: [any DispatchSourceSignal]
    private let caught = CaughtSignal()

    /// Watches the signals; `handler` runs once per signal caught.
    init(handler: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "descent.signals")
        let caught = self.caught
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(
                signal: number, queue: queue)
            source.setEventHandler {
                caught.number.store(number, ordering: .relaxed)
                handler()
            }
            source.resume()
            return source
        }
    }

    /// The last signal caught, if any.
    var caughtSignal: Int32? {
        let number = caught.number.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Stops watching and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}

/// The number of the last signal caught, 0 for none.
private final class CaughtSignal: Sendable {
    let number = Atomic<Int32>(0)
}
