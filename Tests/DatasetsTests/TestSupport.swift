import Datasets
import Foundation
import Testing

/// The project's bundled data, found from this file: ../../Resources.
let resources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Resources")

/// The message of the `DatasetError` that `body` throws, or nil when it
/// succeeds. Any other error is recorded as a test failure.
func errorMessage<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as DatasetError {
        return error.description
    } catch {
        Issue.record("not a DatasetError: \(error)")
        return nil
    }
}

/// A fresh folder under the system temporary folder. Tests remove it with
/// `defer { folder.remove() }`: a deinit could run as soon as the folder's
/// last use, before the code under test reads the files.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-datasets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true)
    }

    /// Deletes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `data` to `name` in the folder and returns its URL.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(),
            withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Writes UTF-8 `text` to `name` in the folder and returns its URL.
    @discardableResult
    func write(_ name: String, text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

/// IDX bytes: a big-endian header of `magic` and `sizes`, then `body`.
func idxFile(magic: UInt32, sizes: [Int], body: [UInt8]) -> Data {
    var bytes: [UInt8] = []
    for word in [magic] + sizes.map(UInt32.init) {
        bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) }
    }
    return Data(bytes + body)
}

/// An IDX images file of `count` images of rows x columns, pixel values
/// counting up from `first` so that every image differs.
func idxImages(count: Int, rows: Int = 2, columns: Int = 2, first: Int = 0)
    -> Data
{
    let pixels = (0..<(count * rows * columns)).map {
        UInt8(truncatingIfNeeded: first + $0)
    }
    return idxFile(
        magic: 0x803, sizes: [count, rows, columns], body: pixels)
}

/// An IDX labels file holding `labels`.
func idxLabels(_ labels: [UInt8]) -> Data {
    idxFile(magic: 0x801, sizes: [labels.count], body: labels)
}

/// A regression CSV with a header, `a,b,y`, where y = 2a - b + 0.5 for
/// a = row / 4 and b = (7 row) mod 11: made here, so no file is bundled.
func linearCSV(rows: Int) -> String {
    let lines = (0..<rows).map { row in
        let (a, b) = linearFeatures(row)
        return "\(a),\(b),\(linearTarget(row))"
    }
    return (["a,b,y"] + lines).joined(separator: "\n") + "\n"
}

/// The features a and b of row `row` of `linearCSV`.
func linearFeatures(_ row: Int) -> (a: Float, b: Float) {
    (Float(row) / 4, Float((7 * row) % 11))
}

/// The target y of row `row` of `linearCSV`, exact in Float.
func linearTarget(_ row: Int) -> Float {
    let (a, b) = linearFeatures(row)
    return 2 * a - b + 0.5
}
