import Foundation
import Testing

/// The real binary in a real terminal (tmux): keys in, screen out.
@Suite(.serialized) struct DashboardEndToEndTests {
    /// Runs descent in a shell that reports its exit status and then waits,
    /// so the screen after the exit can be read.
    private func start(_ arguments: String) throws -> Tmux {
        let binary = try descentBinary()
        return try Tmux(command:
            "'\(binary)' \(arguments); echo \"descent exited $?\"; sleep 600")
    }

    /// The plot area of each chart row: what follows the y axis (`│` or
    /// `┤` after the labels).
    private func chartPlots(_ screen: String) -> [Substring] {
        lines(screen).compactMap { line in
            guard let axis = line.prefix(8).firstIndex(where: { "│┤".contains($0) })
            else { return nil }
            return line[line.index(after: axis)...]
        }
    }

    private func lines(_ screen: String) -> [Substring] {
        screen.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func pauseRaiseTheRateResizeAndQuit() throws {
        let tmux = try start("--epochs 200")
        let running = try tmux.waitFor { $0.contains("RUNNING") }
        #expect(running.matched, "\(running.screen)")
        #expect(try tmux.paneValue("alternate_on") == "1")

        try tmux.send("Space")
        let paused = try tmux.waitFor { $0.contains("PAUSED") }
        #expect(paused.matched, "\(paused.screen)")
        #expect(paused.screen.contains("lr       0.1 "))

        try tmux.send("+")
        let raised = try tmux.waitFor { $0.contains("lr       0.2 ") }
        #expect(raised.matched, "\(raised.screen)")
        // The marker: a vertical line in the chart's last data column,
        // where the change took effect, on rows the curve leaves free.
        let markerRows = chartPlots(raised.screen).filter { $0.contains("│") }
        #expect(markerRows.count >= 2, "\(raised.screen)")
        #expect(raised.screen.contains("│ lr change"))

        try tmux.resize(width: 80, height: 24)
        let small = try tmux.waitFor {
            self.lines($0).count >= 24
                && self.lines($0)[23].contains("q quit")
                && $0.contains("PAUSED")
        }
        #expect(small.matched, "\(small.screen)")
        #expect(lines(small.screen).allSatisfy { $0.count <= 80 })

        try tmux.resize(width: 50, height: 12)
        let tiny = try tmux.waitFor { $0.contains("Terminal too small") }
        #expect(tiny.matched, "\(tiny.screen)")

        try tmux.resize(width: 120, height: 40)
        let back = try tmux.waitFor { $0.contains("lr       0.2 ") }
        #expect(back.matched, "\(back.screen)")
        #expect(!back.screen.contains("\u{FFFD}"))

        try tmux.send("q")
        let exited = try tmux.waitFor { $0.contains("descent exited") }
        #expect(exited.screen.contains("descent exited 0"), "\(exited.screen)")
        #expect(try tmux.paneValue("alternate_on") == "0")
        #expect(try tmux.paneValue("cursor_flag") == "1")
    }

    @Test func controlCQuitsAndRestoresTheTerminal() throws {
        let tmux = try start("--data digits --epochs 100000")
        #expect(try tmux.waitFor { $0.contains("RUNNING") }.matched)
        try tmux.send("C-c")
        let exited = try tmux.waitFor { $0.contains("descent exited") }
        #expect(exited.screen.contains("descent exited 0"), "\(exited.screen)")
        #expect(try tmux.paneValue("alternate_on") == "0")
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)])
    func aSignalEndsTheRunAndRestoresTheTerminal(
        signal: Int32, status: Int
    ) throws {
        let tmux = try start("--data digits --epochs 100000 --paused")
        #expect(try tmux.waitFor { $0.contains("PAUSED") }.matched)
        let pid = try tmux.childProcess(named: "descent")
        #expect(kill(pid, signal) == 0)
        let exited = try tmux.waitFor { $0.contains("descent exited") }
        #expect(
            exited.screen.contains("descent exited \(status)"),
            "\(exited.screen)")
        #expect(try tmux.paneValue("alternate_on") == "0")
    }

    @Test func losingTheTerminalEndsTheRun() throws {
        let tmux = try start("--data digits --epochs 100000")
        #expect(try tmux.waitFor { $0.contains("RUNNING") }.matched)
        let pid = try tmux.childProcess(named: "descent")
        try tmux.killServer()
        var alive = true
        for _ in 0..<100 where alive {
            Thread.sleep(forTimeInterval: 0.05)
            alive = kill(pid, 0) == 0 && !isZombie(pid)
        }
        #expect(!alive, "descent \(pid) still runs without a terminal")
    }

    /// True for a process that has ended but is not reaped yet.
    private func isZombie(_ pid: Int32) -> Bool {
        let stat = try? String(
            contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        return stat?.split(separator: " ").dropFirst(2).first == "Z"
    }

    @Test func stepTrainsOneBatchWhilePaused() throws {
        let tmux = try start("--data digits --paused")
        #expect(try tmux.waitFor { $0.contains("step 0") }.matched)
        try tmux.send("n")
        let stepped = try tmux.waitFor { $0.contains("step 1") }
        #expect(stepped.matched, "\(stepped.screen)")
        #expect(stepped.screen.contains("PAUSED"))
        try tmux.send("q")
        #expect(try tmux.waitFor { $0.contains("descent exited 0") }.matched)
    }
}
