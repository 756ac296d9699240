import Foundation

extension SafetensorsFile {
    /// Bytes per element of every dtype the safetensors format defines.
    static let dtypeSizes: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1,
        "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
        "I32": 4, "U32": 4, "F32": 4,
        "I64": 8, "U64": 8, "F64": 8,
    ]

    /// One header entry, checked on its own but not yet against the others.
    private struct Entry {
        var name: String
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    /// Parses and validates safetensors bytes; `file` names them in errors.
    ///
    /// Every way the bytes can be wrong gives a `CheckpointError`, never a
    /// crash: short files, absurd or overlong header lengths, headers that
    /// are not UTF-8 JSON of the right shape, unknown dtypes, shapes that
    /// disagree with offsets, overlapping or gapped offsets, duplicate
    /// names and truncated data.
    public init(decoding data: Data, file: String) throws(CheckpointError) {
        let bytes = [UInt8](data)
        func fail(_ kind: CheckpointError.Kind, _ detail: String)
            -> CheckpointError
        {
            CheckpointError(kind, path: file, detail)
        }

        guard bytes.count >= 8 else {
            throw fail(
                .truncatedHeader,
                "\(bytes.count) bytes, too short for a safetensors file "
                    + "(it starts with an 8-byte header length); the file "
                    + "is truncated or not safetensors")
        }
        let declared = bytes[0..<8].reversed().reduce(UInt64(0)) {
            $0 << 8 | UInt64($1)
        }
        guard declared <= UInt64(Self.maxHeaderBytes) else {
            throw fail(
                .headerTooLarge,
                "header length \(declared) bytes is over the "
                    + "\(Self.maxHeaderBytes)-byte limit; the file is "
                    + "corrupt or not safetensors")
        }
        let headerLength = Int(declared)
        guard headerLength <= bytes.count - 8 else {
            throw fail(
                .truncatedHeader,
                "header length \(headerLength) bytes runs past the end of "
                    + "the file (\(bytes.count - 8) bytes follow the "
                    + "length); the file is truncated")
        }
        let headerBytes = Array(bytes[8..<8 + headerLength])
        guard String(validating: headerBytes, as: UTF8.self) != nil else {
            throw fail(
                .malformedHeader,
                "header is not valid UTF-8; the file is corrupt or not "
                    + "safetensors")
        }
        let json: HeaderJSON
        do {
            json = try HeaderJSON.parse(headerBytes)
        } catch {
            throw fail(
                .malformedHeader,
                "header is not valid JSON at header byte \(error.offset): "
                    + "\(error.reason); the file is corrupt")
        }

        let (entries, metadata) = try Self.entries(of: json, fail: fail)
        let inDataOrder = entries.sorted {
            ($0.begin, $0.end) < ($1.begin, $1.end)
        }
        let dataStart = 8 + headerLength
        try Self.checkLayout(
            inDataOrder, dataBytes: bytes.count - dataStart, fail: fail)

        var tensors: [Tensor] = []
        tensors.reserveCapacity(entries.count)
        for entry in inDataOrder {
            guard entry.dtype == "F32" else {
                throw fail(
                    .unsupportedDType,
                    "tensor \"\(entry.name)\" is \(entry.dtype); Descent "
                        + "reads F32 only, so convert it to float32")
            }
            let start = dataStart + entry.begin
            let values = (0..<(entry.end - entry.begin) / 4).map { index in
                let at = start + index * 4
                let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8
                    | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                return Float(bitPattern: bits)
            }
            tensors.append(
                Tensor(name: entry.name, shape: entry.shape, values: values))
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// The header's tensor entries, each checked alone, and its metadata.
    private static func entries(
        of json: HeaderJSON,
        fail: (CheckpointError.Kind, String) -> CheckpointError
    ) throws(CheckpointError) -> ([Entry], [String: String]) {
        guard case .object(let members) = json else {
            throw fail(
                .malformedHeader,
                "header is \(json.typeName), not a JSON object; the file "
                    + "is corrupt or not safetensors")
        }
        var seen: Set<String> = []
        var entries: [Entry] = []
        var metadata: [String: String] = [:]
        for (name, value) in members {
            guard seen.insert(name).inserted else {
                throw fail(
                    .duplicateName,
                    "\"\(name)\" appears twice in the header; the file is "
                        + "corrupt")
            }
            if name == "__metadata__" {
                metadata = try Self.metadata(value, fail: fail)
            } else {
                entries.append(try Self.entry(name, value, fail: fail))
            }
        }
        return (entries, metadata)
    }

    private static func metadata(
        _ value: HeaderJSON,
        fail: (CheckpointError.Kind, String) -> CheckpointError
    ) throws(CheckpointError) -> [String: String] {
        guard case .object(let pairs) = value else {
            throw fail(
                .malformedHeader,
                "__metadata__ is \(value.typeName), not an object of "
                    + "strings; the file is corrupt")
        }
        var metadata: [String: String] = [:]
        for (key, item) in pairs {
            guard case .string(let text) = item else {
                throw fail(
                    .malformedHeader,
                    "__metadata__ \"\(key)\" is \(item.typeName), not a "
                        + "string; the file is corrupt")
            }
            guard metadata.updateValue(text, forKey: key) == nil else {
                throw fail(
                    .duplicateName,
                    "__metadata__ \"\(key)\" appears twice; the file is "
                        + "corrupt")
            }
        }
        return metadata
    }

    private static func entry(
        _ name: String, _ value: HeaderJSON,
        fail: (CheckpointError.Kind, String) -> CheckpointError
    ) throws(CheckpointError) -> Entry {
        let label = "tensor \"\(name)\""
        guard case .object(let fields) = value else {
            throw fail(
                .malformedHeader,
                "\(label) is \(value.typeName), not an object; the file "
                    + "is corrupt")
        }
        func field(_ key: String) throws(CheckpointError) -> HeaderJSON {
            guard let found = fields.first(where: { $0.key == key }) else {
                throw fail(
                    .malformedHeader,
                    "\(label) has no \"\(key)\"; the file is corrupt")
            }
            return found.value
        }
        func counts(_ key: String, _ what: String) throws(CheckpointError)
            -> [Int]
        {
            let item = try field(key)
            guard case .array(let elements) = item else {
                throw fail(
                    .malformedHeader,
                    "\(label) \(key) is \(item.typeName), not \(what); the "
                        + "file is corrupt")
            }
            let numbers = elements.compactMap(\.wholeNumber)
            guard numbers.count == elements.count else {
                throw fail(
                    .malformedHeader,
                    "\(label) \(key) is not \(what); the file is corrupt")
            }
            return numbers
        }

        let dtypeValue = try field("dtype")
        guard case .string(let dtype) = dtypeValue else {
            throw fail(
                .malformedHeader,
                "\(label) dtype is \(dtypeValue.typeName), not a string; "
                    + "the file is corrupt")
        }
        guard let size = dtypeSizes[dtype] else {
            throw fail(
                .unknownDType,
                "\(label) has dtype \"\(dtype)\", which safetensors does "
                    + "not define; the file is corrupt")
        }
        let shape = try counts("shape", "a list of whole numbers")
        let offsets = try counts("data_offsets", "two whole numbers")
        guard offsets.count == 2 else {
            throw fail(
                .malformedHeader,
                "\(label) data_offsets has \(offsets.count) numbers, not "
                    + "two; the file is corrupt")
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin <= end else {
            throw fail(
                .badOffsets,
                "\(label) data_offsets [\(begin), \(end)] begin after they "
                    + "end; the file is corrupt")
        }
        var bytes = size
        var overflow = false
        for extent in shape where !overflow {
            (bytes, overflow) = bytes.multipliedReportingOverflow(by: extent)
        }
        guard !overflow, bytes == end - begin else {
            let needed = overflow ? "more bytes than fit in memory"
                : "\(bytes) bytes"
            throw fail(
                .shapeMismatch,
                "\(label) has shape \(shape) of \(dtype) (\(needed)) but "
                    + "data_offsets [\(begin), \(end)] span \(end - begin) "
                    + "bytes; the file is corrupt")
        }
        return Entry(
            name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }

    /// Checks that the entries, sorted by offset, tile the data exactly:
    /// from byte 0, with no overlap, no hole, nothing left over, and
    /// within the file.
    private static func checkLayout(
        _ entries: [Entry], dataBytes: Int,
        fail: (CheckpointError.Kind, String) -> CheckpointError
    ) throws(CheckpointError) {
        var covered = 0
        var previous: Entry?
        for entry in entries {
            let span = "bytes \(entry.begin)..<\(entry.end)"
            if entry.begin < covered, let previous {
                throw fail(
                    .badOffsets,
                    "tensor \"\(entry.name)\" (\(span)) overlaps tensor "
                        + "\"\(previous.name)\" (bytes \(previous.begin)..<"
                        + "\(previous.end)); the file is corrupt")
            }
            if entry.begin > covered {
                throw fail(
                    .badOffsets,
                    "data bytes \(covered)..<\(entry.begin) belong to no "
                        + "tensor (a hole before \"\(entry.name)\"); the "
                        + "file is corrupt")
            }
            if entry.end > dataBytes {
                throw fail(
                    .truncatedData,
                    "tensor \"\(entry.name)\" needs data \(span) but the "
                        + "file holds \(dataBytes) data bytes; the file is "
                        + "truncated")
            }
            covered = entry.end
            previous = entry
        }
        if covered < dataBytes {
            throw fail(
                .badOffsets,
                "data bytes \(covered)..<\(dataBytes) after the last tensor "
                    + "belong to no tensor; the file is corrupt")
        }
    }
}
