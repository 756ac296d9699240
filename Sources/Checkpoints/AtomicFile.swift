import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so a reader sees the old contents or the new, never half.
///
/// The bytes go to `.<name>.tmp-<pid>` in the target's folder (a rename is
/// atomic only within one file system), are flushed to disk with fsync,
/// and the temporary file is renamed over the target. On any failure the
/// temporary file is removed and the target is left as it was.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL)
        throws(CheckpointError)
    {
        try write(data, to: url, beforeRename: {})
    }

    /// The temporary path used while writing `url`.
    static func temporaryPath(for url: URL) -> String {
        url.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(url.lastPathComponent).tmp-\(getpid())"
            ).path
    }

    /// Writes atomically, running `beforeRename` after the data is on disk;
    /// tests throw from it to simulate a failure at the last moment.
    static func write(
        _ data: Data, to url: URL,
        beforeRename: () throws -> Void
    ) throws(CheckpointError) {
        let path = url.path
        let temporary = temporaryPath(for: url)
        func fail(_ action: String, _ code: Int32) -> CheckpointError {
            let reason = String(cString: strerror(code))
            return CheckpointError(
                .writeFailed, path: path,
                "cannot be saved (\(action): \(reason)); check that the "
                    + "folder exists and is writable")
        }

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw fail("creating a temporary file beside it", errno)
        }
        var closed = false
        var renamed = false
        defer {
            if !closed { close(descriptor) }
            if !renamed { unlink(temporary) }
        }

        let written = data.withUnsafeBytes { writeFully(descriptor, $0) }
        if let code = written { throw fail("writing", code) }
        guard fsync(descriptor) == 0 else { throw fail("fsync", errno) }
        closed = true
        guard close(descriptor) == 0 else { throw fail("closing", errno) }

        do {
            try beforeRename()
        } catch {
            throw CheckpointError(
                .writeFailed, path: path,
                "cannot be saved (\(error)); check that the folder exists "
                    + "and is writable")
        }
        guard rename(temporary, path) == 0 else {
            throw fail("renaming the temporary file", errno)
        }
        renamed = true
        syncFolder(of: url)
    }

    /// Flushes the folder entry so the rename survives a power cut; a
    /// failure here is ignored because the file itself is complete.
    private static func syncFolder(of url: URL) {
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }
}

/// Writes all of `bytes` to `descriptor`, retrying short and interrupted
/// writes; returns the errno of a failure, or nil.
private func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer)
    -> Int32?
{
    var done = 0
    while done < bytes.count {
        let count = write(
            descriptor, bytes.baseAddress! + done, bytes.count - done)
        if count < 0 {
            if errno == EINTR { continue }
            return errno
        }
        done += count
    }
    return nil
}
