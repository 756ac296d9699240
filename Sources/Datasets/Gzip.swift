import CZlib
import Foundation

/// Gzip through zlib: decompression for data files, compression for tests
/// and for anyone writing files Descent reads back.
public enum Gzip {
    /// Whether `data` starts with the gzip magic bytes 1f 8b.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f
            && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes of gzip `data`; data without the gzip magic
    /// bytes is returned as it is. `file` names the source in errors.
    ///
    /// Concatenated gzip members are joined, as `gunzip` does; bytes after
    /// the last member that do not start another member are ignored.
    public static func decompress(
        _ data: Data, file: String,
        limit: Int = Int(ProcessInfo.processInfo.physicalMemory / 2)
    ) throws(DatasetError) -> Data {
        guard isCompressed(data) else { return data }
        let result = data.withUnsafeBytes { input in
            inflateAll(
                input, sizeHint: uncompressedSizeHint(data), limit: limit,
                file: file)
        }
        return try result.get()
    }

    /// The gzip encoding of `data` at zlib `level` (0-9).
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip header and trailer.
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2_ failed: \(status)")
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var output = Data(count: bound)
        let produced = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(
                    mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                let finish = deflate(&stream, Z_FINISH)
                precondition(finish == Z_STREAM_END, "deflate: \(finish)")
                return Int(stream.total_out)
            }
        }
        output.count = produced
        return output
    }

    // MARK: - Inflating

    /// The ISIZE trailer field: the uncompressed size modulo 2^32.
    private static func uncompressedSizeHint(_ data: Data) -> Int {
        guard data.count >= 18 else { return 0 }
        var size = 0
        for byte in data.suffix(4).reversed() {
            size = size << 8 | Int(byte)
        }
        return size
    }

    private static func inflateAll(
        _ input: UnsafeRawBufferPointer, sizeHint: Int, limit: Int,
        file: String
    ) -> Result<Data, DatasetError> {
        var stream = z_stream()
        // windowBits 15 + 32 lets zlib detect the gzip header itself.
        let initStatus = inflateInit2_(
            &stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            return .failure(.corruptGzip(file, detail: "zlib could not start"))
        }
        defer { inflateEnd(&stream) }

        let bytes = input.bindMemory(to: UInt8.self)
        var consumed = 0
        // The hint is wrong for files over 4 GiB, joined members and
        // damaged trailers: trust it only when plausible, and grow the
        // buffer whenever it fills.
        // One spare byte lets inflate reach the trailer without a regrow.
        let plausible = sizeHint > 0 && sizeHint <= input.count * 64
            && sizeHint < limit
        var output = Data(
            count: plausible ? sizeHint + 1 : max(input.count * 4, 1024))
        var produced = 0

        while true {
            if produced == output.count {
                // A small file that inflates without end (a "gzip bomb")
                // must not take the machine's memory.
                guard produced < limit else {
                    return .failure(.tooLarge(file, limit: limit))
                }
                output.count = min(output.count * 2, limit + 1)
            }
            let chunk = min(input.count - consumed, Int(UInt32.max))
            stream.next_in = UnsafeMutablePointer(
                mutating: bytes.baseAddress! + consumed)
            stream.avail_in = uInt(chunk)
            let status = output.withUnsafeMutableBytes { out in
                let base = out.bindMemory(to: Bytef.self).baseAddress!
                stream.next_out = base + produced
                stream.avail_out = uInt(min(out.count - produced,
                                            Int(UInt32.max)))
                let before = stream.avail_out
                let status = inflate(&stream, Z_NO_FLUSH)
                produced += Int(before - stream.avail_out)
                return status
            }
            consumed += chunk - Int(stream.avail_in)

            switch status {
            case Z_STREAM_END:
                let rest = UnsafeRawBufferPointer(rebasing: input[consumed...])
                guard rest.count >= 2, rest[0] == 0x1f, rest[1] == 0x8b else {
                    output.count = produced
                    return .success(output)
                }
                inflateReset(&stream)
            case Z_OK, Z_BUF_ERROR:
                // No progress possible: out of input before the stream end.
                if consumed == input.count && produced < output.count {
                    return .failure(.truncatedGzip(file))
                }
            case Z_DATA_ERROR:
                let detail = stream.msg.map { String(cString: $0) }
                    ?? "invalid data"
                return .failure(.corruptGzip(file, detail: detail))
            case Z_MEM_ERROR:
                return .failure(.corruptGzip(file, detail: "out of memory"))
            default:
                return .failure(
                    .corruptGzip(file, detail: "zlib status \(status)"))
            }
        }
    }
}
