import Foundation

extension SafetensorsFile {
    /// The file's bytes: length, padded JSON header, then the data.
    ///
    /// The header lists `__metadata__` first (keys sorted) and the tensors
    /// in order, so equal contents always give equal bytes.
    public func encoded() -> Data {
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { key in
                "\(Self.jsonString(key)):\(Self.jsonString(metadata[key]!))"
            }
            let map = pairs.joined(separator: ",")
            entries.append("\"__metadata__\":{\(map)}")
        }
        var offset = 0
        for tensor in tensors {
            let end = offset + tensor.values.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append(
                "\(Self.jsonString(tensor.name)):{\"dtype\":\"F32\","
                    + "\"shape\":[\(shape)],"
                    + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        // Pad so the data begins at a multiple of 8 (8 + header length).
        let padding = (8 - header.count % 8) % 8
        header += repeatElement(UInt8(ascii: " "), count: padding)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) {
            bytes += $0
        }
        bytes += header
        for tensor in tensors {
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) {
                    bytes += $0
                }
            }
        }
        return Data(bytes)
    }

    /// `text` as a JSON string literal; non-ASCII stays raw UTF-8.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                let zeros = String(repeating: "0", count: 4 - hex.count)
                out += "\\u" + zeros + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
