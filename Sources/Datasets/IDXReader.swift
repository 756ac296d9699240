import Foundation

/// Parses IDX files, the format of MNIST and Fashion-MNIST: a big-endian
/// header (magic number, then one 32-bit size per dimension) followed by
/// the values. Only unsigned-byte images and labels are supported.
public enum IDXReader {
    /// Magic number of unsigned-byte, three-dimensional data (images).
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// Magic number of unsigned-byte, one-dimensional data (labels).
    public static let labelsMagic: UInt32 = 0x0000_0801

    /// Reads the images file at `url`, plain or gzip.
    public static func images(at url: URL) throws(DatasetError) -> IDXImages {
        try images(from: DataFile.contents(of: url), file: url.path)
    }

    /// Reads the labels file at `url`, plain or gzip.
    public static func labels(at url: URL) throws(DatasetError) -> [UInt8] {
        try labels(from: DataFile.contents(of: url), file: url.path)
    }

    /// Parses decompressed IDX image bytes; `file` names them in errors.
    public static func images(
        from data: Data, file: String
    ) throws(DatasetError) -> IDXImages {
        let sizes = try header(
            data, file: file, magic: imagesMagic,
            content: "IDX images of unsigned bytes")
        let (count, rows, columns) = (sizes[0], sizes[1], sizes[2])
        // A damaged header can promise more bytes than Int holds.
        let (pixelsPerImage, overflowA) = rows.multipliedReportingOverflow(
            by: columns)
        let (total, overflowB) = count.multipliedReportingOverflow(
            by: pixelsPerImage)
        let body = try payload(
            data, file: file, headerSize: 16,
            expected: overflowA || overflowB ? Int.max : total,
            content: "\(count) images of \(rows)x\(columns)")
        return IDXImages(
            count: count, rows: rows, columns: columns, pixels: [UInt8](body))
    }

    /// Parses decompressed IDX label bytes; `file` names them in errors.
    public static func labels(
        from data: Data, file: String
    ) throws(DatasetError) -> [UInt8] {
        let sizes = try header(
            data, file: file, magic: labelsMagic,
            content: "IDX labels of unsigned bytes")
        let body = try payload(
            data, file: file, headerSize: 8, expected: sizes[0],
            content: sizes[0] == 1 ? "1 label" : "\(sizes[0]) labels")
        return [UInt8](body)
    }

    // MARK: - Header and payload

    /// The dimension sizes after checking the magic number.
    private static func header(
        _ data: Data, file: String, magic: UInt32, content: String
    ) throws(DatasetError) -> [Int] {
        // The magic number's low byte is the number of dimensions.
        let dimensions = Int(magic & 0xff)
        let headerSize = 4 + 4 * dimensions
        guard data.count >= 4 else {
            throw .shortHeader(file, found: data.count, needed: headerSize)
        }
        let found = bigEndianWord(data, at: 0)
        guard found == magic else {
            throw .wrongMagic(
                file, found: found, expected: magic, content: content)
        }
        guard data.count >= headerSize else {
            throw .shortHeader(file, found: data.count, needed: headerSize)
        }
        return (0..<dimensions).map { Int(bigEndianWord(data, at: 4 + 4 * $0)) }
    }

    /// The bytes after the header, which must be exactly `expected` long.
    private static func payload(
        _ data: Data, file: String, headerSize: Int, expected: Int,
        content: String
    ) throws(DatasetError) -> Data {
        let found = data.count - headerSize
        guard found == expected else {
            throw .wrongLength(
                file, expected: expected, found: found, content: content)
        }
        return data.dropFirst(headerSize)
    }

    private static func bigEndianWord(_ data: Data, at offset: Int) -> UInt32 {
        let start = data.startIndex + offset
        return data[start..<(start + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
