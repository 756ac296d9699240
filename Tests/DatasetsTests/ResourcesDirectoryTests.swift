@testable import Datasets
import Foundation
import Testing

/// Where the bundled data is looked for.
@Suite struct ResourcesDirectoryTests {
    /// A tree with Resources/iris at its root and an executable deep below.
    func tree() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Resources/iris/iris.csv", text: "1,a\n")
        try folder.write(".build/debug/descent", text: "")
        return folder
    }

    @Test func environmentVariableWinsEvenWhenWrong() throws {
        let folder = try tree()
        defer { folder.remove() }
        let found = DataLoader.resourcesDirectory(
            environment: ["DESCENT_RESOURCES": "/nowhere/data"],
            executable: folder.url.appendingPathComponent(
                ".build/debug/descent"),
            sourceFile: #filePath)
        #expect(found?.path == "/nowhere/data")
    }

    @Test func resourcesAreFoundUpwardFromTheExecutable() throws {
        let folder = try tree()
        defer { folder.remove() }
        let found = DataLoader.resourcesDirectory(
            environment: [:],
            executable: folder.url.appendingPathComponent(
                ".build/debug/descent"),
            sourceFile: "/nowhere/Sources/Datasets/DataLoader.swift")
        #expect(found?.path == folder.path("Resources"))
    }

    @Test func sourceFileIsTheFallback() throws {
        let folder = try tree()
        defer { folder.remove() }
        let found = DataLoader.resourcesDirectory(
            environment: [:],
            executable: URL(fileURLWithPath: "/nowhere/bin/descent"),
            sourceFile: folder.path("Sources/Datasets/DataLoader.swift"))
        #expect(found?.path == folder.path("Resources"))
    }

    @Test func nothingIsFoundWhereNoResourcesExist() {
        let found = DataLoader.resourcesDirectory(
            environment: [:],
            executable: URL(fileURLWithPath: "/nowhere/bin/descent"),
            sourceFile: "/nowhere/Sources/Datasets/DataLoader.swift")
        #expect(found == nil)
    }

    @Test func theRealLookupFindsTheProjectResources() {
        let found = DataLoader.resourcesDirectory()
        #expect(found?.standardizedFileURL.path
            == resources.standardizedFileURL.path)
    }
}
