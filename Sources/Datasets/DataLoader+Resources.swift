import Foundation

extension DataLoader {
    /// The Resources folder (env DESCENT_RESOURCES, else found upward from
    /// the executable's folder, else from this source file's #filePath).
    public static func resourcesDirectory() -> URL? {
        resourcesDirectory(
            environment: ProcessInfo.processInfo.environment,
            executable: Bundle.main.executableURL,
            sourceFile: #filePath)
    }

    /// The lookup behind `resourcesDirectory()`, with its inputs given.
    ///
    /// A set DESCENT_RESOURCES is used as it is, even when wrong, so that
    /// the error names the folder the user chose rather than another one.
    static func resourcesDirectory(
        environment: [String: String], executable: URL?, sourceFile: String
    ) -> URL? {
        if let chosen = environment["DESCENT_RESOURCES"], !chosen.isEmpty {
            let path = NSString(string: chosen).expandingTildeInPath
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let starts = [
            executable?.resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: sourceFile).deletingLastPathComponent(),
        ]
        for start in starts.compactMap({ $0 }) {
            if let found = searchUpward(from: start) { return found }
        }
        return nil
    }

    /// The nearest `Resources` folder holding a bundled data set, looking
    /// in `start` and each folder above it.
    private static func searchUpward(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent("Resources")
            let holdsData = bundledNames.contains { name in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(
                    atPath: candidate.appendingPathComponent(name).path,
                    isDirectory: &isFolder) && isFolder.boolValue
            }
            if holdsData { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
