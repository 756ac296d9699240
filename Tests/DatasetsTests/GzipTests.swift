import Datasets
import Foundation
import Testing

/// Gzip through zlib: round trips, plain data, joined members.
@Suite struct GzipTests {
    let sample = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) })

    @Test func compressedDataDecompressesToTheOriginal() throws {
        let packed = Gzip.compress(sample)
        #expect(Gzip.isCompressed(packed))
        #expect(packed.count < sample.count)
        #expect(try Gzip.decompress(packed, file: "s.gz") == sample)
    }

    @Test func plainDataPassesThroughUnchanged() throws {
        let plain = Data("5.1,3.5,setosa\n".utf8)
        #expect(!Gzip.isCompressed(plain))
        #expect(try Gzip.decompress(plain, file: "p") == plain)
        #expect(try Gzip.decompress(Data(), file: "p") == Data())
    }

    @Test func joinedMembersDecompressToTheJoinedContent() throws {
        let first = Data("1,a\n".utf8)
        let second = Data("2,b\n".utf8)
        let joined = Gzip.compress(first) + Gzip.compress(second)
        #expect(try Gzip.decompress(joined, file: "j.gz") == first + second)
    }

    @Test func emptyContentRoundTrips() throws {
        #expect(try Gzip.decompress(Gzip.compress(Data()), file: "e") == Data())
    }
}
