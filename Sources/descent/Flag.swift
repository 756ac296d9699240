import Synchronization

/// A flag set from any thread.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Raises the flag.
    func set() { value.store(true, ordering: .relaxed) }

    /// Whether the flag was raised.
    var isSet: Bool { value.load(ordering: .relaxed) }
}
