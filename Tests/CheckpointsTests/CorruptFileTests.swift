import Checkpoints
import Foundation
import Testing

/// Broken safetensors files, each with the exact message users see.
@Suite struct CorruptFileTests {
    /// The 96-byte file of `tinyFileHasTheExactHandComputedBytes`.
    let tiny = [UInt8](
        SafetensorsFile(
            tensors: [Tensor(name: "a", shape: [2], values: [1, -2])],
            metadata: ["k": "v"]
        ).encoded())

    let eightZeros = [UInt8](repeating: 0, count: 8)

    /// `{"a": <entry>}` with 8 bytes of data.
    func withEntry(_ entry: String, data: Int = 8) -> [UInt8] {
        handMade(
            header: #"{"a":"# + entry + "}",
            data: Array(repeating: 0, count: data))
    }

    @Test func truncationAtEveryByteGivesItsExactMessage() {
        #expect(tiny.count == 96)
        for length in 0..<tiny.count {
            let expected =
                switch length {
                case 0..<8:
                    "model.st: \(length) bytes, too short for a safetensors "
                        + "file (it starts with an 8-byte header length); "
                        + "the file is truncated or not safetensors"
                case 8..<88:
                    "model.st: header length 80 bytes runs past the end of "
                        + "the file (\(length - 8) bytes follow the length); "
                        + "the file is truncated"
                default:
                    "model.st: tensor \"a\" needs data bytes 0..<8 but the "
                        + "file holds \(length - 88) data bytes; the file is "
                        + "truncated"
                }
            #expect(decodingError(Array(tiny[..<length])) == expected)
        }
    }

    @Test func flippingAnyByteNeverCrashes() {
        for position in tiny.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
                var bytes = tiny
                bytes[position] ^= mask
                _ = try? SafetensorsFile(decoding: Data(bytes), file: "x")
            }
        }
    }

    @Test func jsonPunctuationAnywhereInTheHeaderNeverCrashes() {
        let replacements = Array(#"{}[]":,-0e\ u"#.utf8) + [0x00, 0x80]
        for position in 8..<88 {
            for replacement in replacements {
                var bytes = tiny
                bytes[position] = replacement
                _ = try? SafetensorsFile(decoding: Data(bytes), file: "x")
            }
        }
    }

    @Test func flippedHeaderBytesGiveExactMessages() {
        var bytes = tiny
        bytes[8] = UInt8(ascii: "[")  // the header now reads as an array
        #expect(
            decodingError(bytes)
                == "model.st: header is not valid JSON at header byte 15: "
                + "expected ',' or ']'; the file is corrupt")
        bytes = tiny
        bytes[7] ^= 0x01  // the length's top byte
        #expect(
            decodingError(bytes)
                == "model.st: header length 72057594037928016 bytes is "
                + "over the 100000000-byte limit; the file is corrupt or "
                + "not safetensors")
        bytes = tiny
        bytes[0] = 0x48  // length 72: the header loses its last 8 bytes
        #expect(
            decodingError(bytes)
                == "model.st: header is not valid JSON at header byte 72: "
                + "the header ends where a value should be; the file is "
                + "corrupt")
        bytes = tiny
        bytes[20] = 0xC3  // a lead byte with no continuation
        #expect(
            decodingError(bytes)
                == "model.st: header is not valid UTF-8; the file is "
                + "corrupt or not safetensors")
    }

    @Test func lyingOffsetsAreCaught() {
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"data_offsets":[8,0]}"#))
                == "model.st: tensor \"a\" data_offsets [8, 0] begin after "
                + "they end; the file is corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"data_offsets":[0,12]}"#))
                == "model.st: tensor \"a\" has shape [2] of F32 (8 bytes) "
                + "but data_offsets [0, 12] span 12 bytes; the file is "
                + "corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"data_offsets":[4,12]}"#,
                data: 12))
                == "model.st: data bytes 0..<4 belong to no tensor (a hole "
                + "before \"a\"); the file is corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"data_offsets":[0,8]}"#,
                data: 12))
                == "model.st: data bytes 8..<12 after the last tensor "
                + "belong to no tensor; the file is corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"data_offsets":[8,16]}"#))
                == "model.st: data bytes 0..<8 belong to no tensor (a hole "
                + "before \"a\"); the file is corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[4],"data_offsets":[0,16]}"#))
                == "model.st: tensor \"a\" needs data bytes 0..<16 but the "
                + "file holds 8 data bytes; the file is truncated")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"#
                    + #""data_offsets":[0,99999999999999999999]}"#))
                == "model.st: tensor \"a\" data_offsets is not two whole "
                + "numbers; the file is corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F32","shape":[2],"data_offsets":[0,8,16]}"#))
                == "model.st: tensor \"a\" data_offsets has 3 numbers, not "
                + "two; the file is corrupt")
    }

    @Test func overlappingTensorsAreNamed() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"#
            + #""data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"#
            + #""data_offsets":[4,8]}}"#
        #expect(
            decodingError(handMade(header: header, data: eightZeros))
                == "model.st: tensor \"b\" (bytes 4..<8) overlaps tensor "
                + "\"a\" (bytes 0..<8); the file is corrupt")
    }

    @Test func duplicateNamesAreCaught() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"#
            + #""data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"#
            + #""data_offsets":[4,8]}}"#
        #expect(
            decodingError(handMade(header: header, data: eightZeros))
                == "model.st: \"a\" appears twice in the header; the file "
                + "is corrupt")
        #expect(
            decodingError(handMade(
                header: #"{"__metadata__":{"k":"1","k":"2"}}"#))
                == "model.st: __metadata__ \"k\" appears twice; the file "
                + "is corrupt")
    }

    @Test func dtypesOtherThanF32AreRefusedByName() {
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F33","shape":[2],"data_offsets":[0,8]}"#))
                == "model.st: tensor \"a\" has dtype \"F33\", which "
                + "safetensors does not define; the file is corrupt")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"F16","shape":[4],"data_offsets":[0,8]}"#))
                == "model.st: tensor \"a\" is F16; Descent reads F32 only, "
                + "so convert it to float32")
        #expect(
            decodingError(withEntry(
                #"{"dtype":"I64","shape":[2],"data_offsets":[0,8]}"#))
                == "model.st: tensor \"a\" has shape [2] of I64 (16 bytes) "
                + "but data_offsets [0, 8] span 8 bytes; the file is "
                + "corrupt")
    }

    @Test func headersOfTheWrongShapeAreRefused() {
        let cases: [(String, String)] = [
            ("[]", "header is an array, not a JSON object; the file is "
                + "corrupt or not safetensors"),
            (#"{"a":1}"#, "tensor \"a\" is a number, not an object; the "
                + "file is corrupt"),
            (#"{"a":{"shape":[2],"data_offsets":[0,8]}}"#,
             "tensor \"a\" has no \"dtype\"; the file is corrupt"),
            (#"{"a":{"dtype":32,"shape":[2],"data_offsets":[0,8]}}"#,
             "tensor \"a\" dtype is a number, not a string; the file is "
                + "corrupt"),
            (#"{"a":{"dtype":"F32","shape":"2","data_offsets":[0,8]}}"#,
             "tensor \"a\" shape is a string, not a list of whole numbers; "
                + "the file is corrupt"),
            (#"{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#,
             "tensor \"a\" shape is not a list of whole numbers; the file "
                + "is corrupt"),
            (#"{"a":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}}"#,
             "tensor \"a\" shape is not a list of whole numbers; the file "
                + "is corrupt"),
            (#"{"a":{"dtype":"F32","shape":[4611686018427387904,4],"#
                + #""data_offsets":[0,8]}}"#,
             "tensor \"a\" has shape [4611686018427387904, 4] of F32 (more "
                + "bytes than fit in memory) but data_offsets [0, 8] span 8 "
                + "bytes; the file is corrupt"),
            (#"{"__metadata__":[]}"#, "__metadata__ is an array, not an "
                + "object of strings; the file is corrupt"),
            (#"{"__metadata__":{"version":1}}"#, "__metadata__ \"version\" "
                + "is a number, not a string; the file is corrupt"),
            (#"{"a":}"#, "header is not valid JSON at header byte 5: "
                + "expected a value; the file is corrupt"),
            (#"{"a":{}} x"#, "header is not valid JSON at header byte 9: "
                + "unexpected text after the JSON value; the file is "
                + "corrupt"),
            (#"{"a\q":{}}"#, "header is not valid JSON at header byte 4: "
                + "an unknown escape in a string; the file is corrupt"),
            (#"{"\ud800":{}}"#, "header is not valid JSON at header byte 8: "
                + "a lone surrogate in a string; the file is corrupt"),
            ("{\"a\n\":{}}", "header is not valid JSON at header byte 3: "
                + "a control character inside a string; the file is "
                + "corrupt"),
            (String(repeating: "[", count: 40), "header is not valid JSON "
                + "at header byte 32: nested deeper than 32 levels; the "
                + "file is corrupt"),
            ("", "header is not valid JSON at header byte 0: the header "
                + "ends where a value should be; the file is corrupt"),
        ]
        for (header, message) in cases {
            #expect(
                decodingError(handMade(header: header))
                    == "model.st: \(message)",
                "header \(header)")
        }
    }

    @Test func absurdHeaderLengthIsRefusedBeforeReading() {
        #expect(
            decodingError(littleEndian(.max) + [0x7B, 0x7D])
                == "model.st: header length 18446744073709551615 bytes is "
                + "over the 100000000-byte limit; the file is corrupt or "
                + "not safetensors")
    }
}
