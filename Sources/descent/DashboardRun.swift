import CursesTerminal
import Dashboard
import Datasets
import Foundation
import Terminal
import Training

/// A run with the full-screen dashboard: the main thread reads keys, copies
/// the latest snapshot and redraws; training goes on in the session.
struct DashboardRun {
    /// Time between frames when no key arrives.
    static let frameMilliseconds = 50

    let setup: RunSetup

    func run() -> Int32 {
        // Signals first: ncurses installs its own SIGINT and SIGTERM
        // handlers only where they are still at their defaults.
        let watcher = SignalWatcher {}
        let backend: CursesBackend
        do {
            backend = try CursesBackend()
        } catch {
            watcher.cancel()
            standardError("descent: \(error)")
            return 1
        }
        CursesBackend.installCrashRestore()
        let session = setup.session()
        session.start()

        var state = DashboardState()
        var terminalClosed = false
        var drawnState: DashboardState?
        var drawnSize = (width: -1, height: -1)
        while !state.quitRequested, !terminalClosed,
            watcher.caughtSignal == nil
        {
            var input = backend.nextInput(
                timeoutMilliseconds: Self.frameMilliseconds)
            while let current = input {
                switch current {
                case .key(let key):
                    for command in Dashboard.update(&state, .key(key)) {
                        session.send(command)
                    }
                case .closed:
                    terminalClosed = true
                case .resized:
                    drawnState = nil
                }
                input = terminalClosed
                    ? nil : backend.nextInput(timeoutMilliseconds: 0)
            }
            _ = Dashboard.update(&state, .snapshot(session.snapshot))
            // An unchanged state and size draw the same grid: skip the work
            // while paused or finished. Arrays compare by identity first,
            // so this costs little.
            let size = backend.size
            guard state != drawnState || size != drawnSize else { continue }
            backend.present(
                Dashboard.render(state, width: size.width, height: size.height))
            drawnState = state
            drawnSize = size
        }

        backend.restore()
        watcher.cancel()
        session.send(.quit)
        session.waitUntilFinished()
        let outcome = RunOutcome(snapshot: session.snapshot)
        writeLine(outcome.line)
        writeLine("command: \(setup.command)")
        return outcome.exitStatus(
            signal: terminalClosed ? SIGHUP : watcher.caughtSignal)
    }
}
