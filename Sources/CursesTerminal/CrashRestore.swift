import Glibc
import Synchronization

/// Gives the terminal back when Descent dies of a fatal signal while curses
/// owns the screen, so the shell is not left raw, silent and in the
/// alternate screen.
///
/// A signal handler may run on any thread at any instant, so it can take no
/// lock and allocate nothing. It reads two addresses published through
/// atomics instead: each points to memory that is fully written before its
/// address is stored (release) and read only after the address is loaded
/// (acquire), and that memory is never freed, so a handler holding an
/// address can always read it. Both atomics are touched before any handler
/// is installed, so the handler never runs a global's lazy initializer.
/// The cost is a few dozen bytes left allocated per backend created.
enum CrashRestore {
    /// The signals that mean the process is crashing.
    static let fatalSignals = [
        SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT,
    ]

    /// Address of the `SavedTerminal` to put back, or 0 when curses does
    /// not own the terminal.
    static let activeTerminal = Atomic<Int>(0)

    /// Address of the actions that were installed before ours, indexed by
    /// signal number, or 0 before `install()`.
    static let previousActions = Atomic<Int>(0)

    // Every fatal signal number is below this (they are the classic ones).
    // Computed, not stored, so the handler never runs a lazy initializer.
    fileprivate static var actionSlots: Int { 32 }

    /// The terminal modes found before curses changed them.
    struct SavedTerminal {
        /// The terminal's file descriptor.
        var descriptor: Int32
        /// Its modes as found.
        var modes: termios
    }

    /// Publishes the modes to restore if the process crashes from now on.
    static func activate(descriptor: Int32, modes: termios) {
        let saved = UnsafeMutablePointer<SavedTerminal>.allocate(capacity: 1)
        saved.initialize(
            to: SavedTerminal(descriptor: descriptor, modes: modes))
        activeTerminal.store(Int(bitPattern: saved), ordering: .releasing)
    }

    /// Stops the handlers from touching the terminal, once curses has given
    /// it back.
    static func deactivate() {
        activeTerminal.store(0, ordering: .releasing)
    }

    /// Installs the crash handlers once; later calls do nothing.
    static func install() {
        _ = activeTerminal.load(ordering: .acquiring)
        guard previousActions.load(ordering: .acquiring) == 0 else { return }

        let previous = UnsafeMutablePointer<sigaction>.allocate(
            capacity: actionSlots)
        previous.initialize(repeating: sigaction(), count: actionSlots)
        for signal in fatalSignals {
            var found = sigaction()
            _ = sigaction(signal, nil, &found)
            // Re-raising into an ignored fault would loop on the faulting
            // instruction; the default action ends the process instead.
            if !isIgnored(found) { previous[Int(signal)] = found }
        }
        let (stored, _) = previousActions.compareExchange(
            expected: 0, desired: Int(bitPattern: previous),
            ordering: .acquiringAndReleasing)
        guard stored else {
            previous.deallocate()
            return
        }

        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = restoreTerminalAndCrash
        // SA_ONSTACK lets the handler run on the alternate signal stack the
        // Swift runtime sets up, so a stack overflow still restores.
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        _ = sigemptyset(&action.sa_mask)
        for signal in fatalSignals { _ = sigaction(signal, &action, nil) }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard action.sa_flags & SA_SIGINFO == 0 else { return false }
        let handler = action.__sigaction_handler.sa_handler
        return unsafeBitCast(handler, to: Int.self)
            == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

/// The fatal-signal handler. It calls only async-signal-safe functions
/// (write, tcsetattr, sigaction, signal, raise), then puts back the handler
/// that was there before (the Swift runtime's backtracer, or the default
/// action) and lets it take the signal.
private func restoreTerminalAndCrash(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?,
    _ context: UnsafeMutableRawPointer?
) {
    let address = CrashRestore.activeTerminal.load(ordering: .acquiring)
    if let saved = UnsafeMutablePointer<CrashRestore.SavedTerminal>(
        bitPattern: address)
    {
        // Resets colours, shows the cursor, puts the keypad back in normal
        // mode and leaves the alternate screen: what endwin() would send.
        // A local literal, so no global initializer runs in the handler.
        let resetSequence: StaticString =
            "\u{1B}[0m\u{1B}[?25h\u{1B}[?1l\u{1B}>\u{1B}[?1049l"
        let descriptor = saved.pointee.descriptor
        var bytes = UnsafeRawPointer(resetSequence.utf8Start)
        var remaining = resetSequence.utf8CodeUnitCount
        while remaining > 0 {
            let written = write(descriptor, bytes, remaining)
            guard written > 0 else { break }
            bytes += written
            remaining -= written
        }
        _ = tcsetattr(descriptor, TCSANOW, &saved.pointee.modes)
    }

    let previous = UnsafePointer<sigaction>(
        bitPattern: CrashRestore.previousActions.load(ordering: .acquiring))
    if let previous, signal >= 0, signal < CrashRestore.actionSlots {
        _ = sigaction(signal, previous + Int(signal), nil)
    } else {
        _ = Glibc.signal(signal, SIG_DFL)
    }

    // A fault the kernel raised (positive si_code) happens again when the
    // handler returns, so the previous handler sees the real fault address.
    // SIGTRAP resumes past its breakpoint, and a signal sent by abort() or
    // kill() does not repeat, so those are raised again; the raised signal
    // is blocked until this handler returns.
    let isRepeatingFault = signal != SIGTRAP && (info?.pointee.si_code ?? 0) > 0
    if !isRepeatingFault { _ = raise(signal) }
}
