@testable import Checkpoints
import Foundation
import Testing

/// A failure injected just before the rename.
private struct SimulatedFailure: Error, CustomStringConvertible {
    var description: String { "simulated disk full" }
}

@Suite struct AtomicFileTests {
    let old = Data("old contents".utf8)
    let new = Data("new contents, longer".utf8)

    @Test func saveReplacesTheFileAndLeavesNoTemporary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("ckpt.st")
        try old.write(to: url)
        try AtomicFile.write(new, to: url)
        #expect(try Data(contentsOf: url) == new)
        #expect(try folder.contents() == ["ckpt.st"])
    }

    @Test func failureBeforeRenameKeepsTheOldFileIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("ckpt.st")
        try old.write(to: url)
        var sawTemporary = false
        let message = errorMessage {
            try AtomicFile.write(new, to: url) {
                let temporary = AtomicFile.temporaryPath(for: url)
                sawTemporary =
                    FileManager.default.contents(atPath: temporary) == new
                    && temporary.hasSuffix("/.ckpt.st.tmp-\(getpid())")
                throw SimulatedFailure()
            }
        }
        #expect(sawTemporary)
        #expect(
            message == "ckpt.st: cannot be saved (simulated disk full); "
                + "check that the folder exists and is writable")
        #expect(try Data(contentsOf: url) == old)
        #expect(try folder.contents() == ["ckpt.st"])
    }

    @Test func missingFolderIsNamedAndNothingIsLeft() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("absent/ckpt.st")
        #expect(
            errorMessage { try AtomicFile.write(new, to: url) }
                == "ckpt.st: cannot be saved (creating a temporary file "
                + "beside it: No such file or directory); check that the "
                + "folder exists and is writable")
        #expect(try folder.contents() == [])
    }

    @Test func renameOntoAFolderFailsAndRemovesTheTemporary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("ckpt.st")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: false)
        #expect(
            errorMessage { try AtomicFile.write(new, to: url) }
                == "ckpt.st: cannot be saved (renaming the temporary file: "
                + "Is a directory); check that the folder exists and is "
                + "writable")
        #expect(try folder.contents() == ["ckpt.st"])
    }

    // Root ignores folder permissions, so this runs only as another user.
    @Test(.enabled(if: getuid() != 0))
    func readOnlyFolderKeepsTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer {
            chmod(folder.url.path, 0o755)
            folder.remove()
        }
        let url = folder.url.appendingPathComponent("ckpt.st")
        try old.write(to: url)
        chmod(folder.url.path, 0o555)
        #expect(
            errorMessage { try AtomicFile.write(new, to: url) }
                == "ckpt.st: cannot be saved (creating a temporary file "
                + "beside it: Permission denied); check that the folder "
                + "exists and is writable")
        #expect(try Data(contentsOf: url) == old)
    }
}
