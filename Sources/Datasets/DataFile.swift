import Foundation

/// Reads whole data files, gzip or plain, with errors users can act on.
enum DataFile {
    /// The bytes of the file at `url`, decompressed if they are gzip.
    static func contents(of url: URL) throws(DatasetError) -> Data {
        let path = url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(
            atPath: path, isDirectory: &isFolder)
        else { throw .missingFile(path) }
        guard !isFolder.boolValue else {
            throw .unreadable(path, reason: "it is a folder")
        }

        let raw: Data
        do {
            raw = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path, reason: reason(error))
        }
        // A .gz name promises gzip: parsing its bytes as plain text would
        // give a confusing error about the content instead.
        if url.pathExtension.lowercased() == "gz", !Gzip.isCompressed(raw) {
            throw .corruptGzip(path, detail: "no gzip header")
        }
        return try Gzip.decompress(raw, file: path)
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError)
            .userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
