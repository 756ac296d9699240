import Foundation

/// A private tmux server with one window running a command: keys go in,
/// the screen comes out. Everything runs on its own socket in a temporary
/// folder, and only that server is ever killed.
final class Tmux {
    /// tmux as installed by Debian.
    static let executable = "/usr/bin/tmux"

    let folder: URL
    let socket: String

    /// Starts `command` (run by /bin/sh) in a detached window.
    init(command: String, width: Int = 120, height: Int = 40) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("tmux.sock").path
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-x", "\(width)",
            "-y", "\(height)", "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color",
            command,
        ])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Sends keys as tmux names them (`Space`, `q`, `C-c`, `+`).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// The visible screen as text, one line per row.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// A tmux format variable of the pane, such as `alternate_on`.
    func paneValue(_ name: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", "#{\(name)}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of the pane's child process with this name.
    func childProcess(named name: String) throws -> Int32 {
        let shell = try paneValue("pane_pid")
        let children = try runProcess("/usr/bin/pgrep", ["-P", shell, name])
        guard let pid = children.output.split(separator: "\n").first
            .flatMap({ Int32($0) })
        else { throw MissingProcess(name: name) }
        return pid
    }

    /// Ends the tmux server, closing the terminal under the program.
    func killServer() throws {
        try tmux(["kill-server"])
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try tmux([
            "resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)",
        ])
    }

    /// Waits until the screen satisfies `condition`; returns the last screen
    /// either way, with whether it matched.
    func waitFor(
        seconds: Double = 30, _ condition: (String) -> Bool
    ) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return (false, last)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try runProcess(Self.executable, ["-S", socket] + arguments)
            .output
    }
}

/// The descent binary under test: $DESCENT_BINARY, else the newest build
/// in this package's .build folder.
func descentBinary() throws -> String {
    if let path = ProcessInfo.processInfo.environment["DESCENT_BINARY"] {
        return path
    }
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    for configuration in ["release", "debug"] {
        let path = root.appendingPathComponent(".build/\(configuration)/descent")
            .path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw MissingBinary()
}

struct MissingProcess: Error, CustomStringConvertible {
    var name: String
    var description: String { "no process named \(name) in the pane" }
}

struct MissingBinary: Error, CustomStringConvertible {
    var description: String {
        "no descent binary: run `swift build` first or set DESCENT_BINARY"
    }
}
