import Checkpoints
import Foundation
import Testing

@Suite struct SafetensorsFileTests {
    /// Two tensors and metadata, with awkward values and names.
    let sample = SafetensorsFile(
        tensors: [
            Tensor(
                name: "layers.0.weight", shape: [2, 3],
                values: [1, -0.0, .leastNonzeroMagnitude, .infinity,
                         .greatestFiniteMagnitude, 0.1]),
            Tensor(name: "scalar", shape: [], values: [42]),
            Tensor(name: "empty", shape: [0, 4], values: []),
            Tensor(name: "naïve \"quoted\"\n", shape: [1], values: [-3.5]),
        ],
        metadata: ["note": "línea\tone\u{1}", "b": "2"])

    @Test func roundTripGivesTheSameTensorsBitForBit() throws {
        let bytes = sample.encoded()
        let read = try SafetensorsFile(decoding: bytes, file: "x.st")
        #expect(read == sample)
        #expect(
            read.tensors[0].values.map(\.bitPattern)
                == sample.tensors[0].values.map(\.bitPattern))
    }

    @Test func nanKeepsItsBitPatternThroughARoundTrip() throws {
        let payload = Float(bitPattern: 0x7FC0_1234)
        let file = SafetensorsFile(
            tensors: [Tensor(name: "n", shape: [1], values: [payload])])
        let read = try SafetensorsFile(decoding: file.encoded(), file: "x")
        #expect(read.tensors[0].values[0].bitPattern == 0x7FC0_1234)
    }

    @Test func tinyFileHasTheExactHandComputedBytes() {
        let file = SafetensorsFile(
            tensors: [Tensor(name: "a", shape: [2], values: [1, -2])],
            metadata: ["k": "v"])
        // 79 bytes of JSON plus one space make an 80-byte header (0x50),
        // so the data starts at byte 88, a multiple of 8. The Python
        // safetensors package (0.8.0) writes these same 96 bytes.
        let header = #"{"__metadata__":{"k":"v"},"a":{"dtype":"F32","#
            + #""shape":[2],"data_offsets":[0,8]}} "#
        let expected: [UInt8] =
            [0x50, 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8)
            + [0x00, 0x00, 0x80, 0x3F]  // 1.0
            + [0x00, 0x00, 0x00, 0xC0]  // -2.0
        #expect(header.utf8.count == 80)
        #expect([UInt8](file.encoded()) == expected)
    }

    @Test func readsAndRewritesAFileFromThePythonPackageByteForByte() throws {
        // safetensors 0.8.0: save({"layers.0.weight": [[1.5, -2, 0.25],
        // [3, 0, -0.125]], "layers.0.bias": [0.5, -1]} as float32,
        // metadata={"format": "descent-checkpoint"}); it sorts by name.
        let header = #"{"__metadata__":{"format":"descent-checkpoint"},"#
            + #""layers.0.bias":{"dtype":"F32","shape":[2],"#
            + #""data_offsets":[0,8]},"layers.0.weight":{"dtype":"F32","#
            + #""shape":[2,3],"data_offsets":[8,32]}} "#
        let data: [UInt8] = [
            0x00, 0x00, 0x00, 0x3F, 0x00, 0x00, 0x80, 0xBF,
            0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0,
            0x00, 0x00, 0x80, 0x3E, 0x00, 0x00, 0x40, 0x40,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xBE,
        ]
        let python = littleEndian(184) + Array(header.utf8) + data
        #expect(python.count == 224)

        let read = try SafetensorsFile(decoding: Data(python), file: "x")
        #expect(
            read == SafetensorsFile(
                tensors: [
                    Tensor(
                        name: "layers.0.bias", shape: [2], values: [0.5, -1]),
                    Tensor(
                        name: "layers.0.weight", shape: [2, 3],
                        values: [1.5, -2, 0.25, 3, 0, -0.125]),
                ],
                metadata: ["format": "descent-checkpoint"]))
        #expect([UInt8](read.encoded()) == python)
    }

    @Test func fileWithoutMetadataOrTensorsIsAnEmptyObject() throws {
        let bytes = [UInt8](SafetensorsFile(tensors: []).encoded())
        #expect(bytes == littleEndian(8) + Array("{}      ".utf8))
        let read = try SafetensorsFile(decoding: Data(bytes), file: "x")
        #expect(read == SafetensorsFile(tensors: []))
    }

    @Test func readerTakesTensorsInDataOrderWhateverTheHeaderOrder() throws {
        let header = #"{"b":{"dtype":"F32","shape":[1],"#
            + #""data_offsets":[4,8]},"a":{"dtype":"F32","shape":[1],"#
            + #""data_offsets":[0,4]}}"#
        let bytes = handMade(
            header: header, data: [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40])
        let read = try SafetensorsFile(decoding: Data(bytes), file: "x")
        #expect(read.tensors.map(\.name) == ["a", "b"])
        #expect(read.tensors.map(\.values) == [[1], [2]])
    }

    @Test func readerAcceptsEscapesAndSurrogatePairsInNames() throws {
        let header = #"{"\u00e9\ud83d\ude00\/":{"dtype":"F32","shape":[],"#
            + #""data_offsets":[0,4]}}"#
        let bytes = handMade(header: header, data: [0, 0, 0x80, 0xBF])
        let read = try SafetensorsFile(decoding: Data(bytes), file: "x")
        #expect(
            read.tensors == [Tensor(name: "é😀/", shape: [], values: [-1])])
    }

    @Test func writeThenReadFromDiskRoundTrips() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("sample.safetensors")
        try sample.write(to: url)
        #expect(try SafetensorsFile(contentsOf: url) == sample)
        #expect(try folder.contents() == ["sample.safetensors"])
    }

    @Test func missingFileIsNamedWithAHint() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("gone.st")
        #expect(
            errorMessage { try SafetensorsFile(contentsOf: url) }
                == "gone.st: no such file; check the path")
    }
}
