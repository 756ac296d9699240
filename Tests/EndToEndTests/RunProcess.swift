import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end; returns its status and what it printed on
/// stdout and stderr. Spawned directly and reaped with waitpid: output goes
/// to files, since a tmux server started by the program inherits its
/// descriptors and would hold a pipe open for good.
@discardableResult
func runProcess(
    _ path: String, _ arguments: [String]
) throws -> (status: Int32, output: String, error: String) {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("descent-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputPath = folder.appendingPathComponent("stdout").path
    let errorPath = folder.appendingPathComponent("stderr").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let writeFlags = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, writeFlags, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, writeFlags, 0o600)

    // Test threads run with most signals blocked, and a child inherits its
    // parent's mask: without this, descent would never see SIGWINCH or
    // SIGHUP inside the tmux server it runs under.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t(), allSignals = sigset_t()
    sigemptyset(&noSignals)
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(
        &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw SpawnFailure(path: path, code: spawned) }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0
        ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (
        exitStatus,
        try String(contentsOfFile: outputPath, encoding: .utf8),
        try String(contentsOfFile: errorPath, encoding: .utf8)
    )
}

/// A program that could not be started.
struct SpawnFailure: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "could not start \(path): error \(code)" }
}
