import Datasets
import Foundation
import Testing

/// Broken gzip data, unknown paths and impossible splits, each with the
/// exact message users see.
@Suite struct BrokenSourceTests {
    @Test func gzipWithADamagedChecksumIsCorrupt() throws {
        var bytes = [UInt8](Gzip.compress(Data("1,2,a\n3,4,b\n".utf8)))
        // The CRC-32 of the content sits in the 8-byte trailer.
        bytes[bytes.count - 8] ^= 0xff
        let message = errorMessage {
            try CSVReader.parse(Data(bytes), file: "/data/broken.csv.gz")
        }
        #expect(message == """
            broken.csv.gz: corrupt gzip data (incorrect data check). \
            Replace the file with an intact copy.
            """)
    }

    @Test func gzipWithAGarbledBodyIsCorrupt() throws {
        // Magic, deflate method, no flags, then a reserved block type.
        let bytes: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff]
        let message = errorMessage {
            try Gzip.decompress(Data(bytes), file: "x.gz")
        }
        #expect(message == """
            x.gz: corrupt gzip data (invalid block type). Replace the file \
            with an intact copy.
            """)
    }

    @Test func aGzNameOverPlainTextIsNotReadAsText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("plain.csv.gz", Data("1,2,a\n".utf8))
        let message = errorMessage {
            try DataLoader.load(file.path, validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            plain.csv.gz: corrupt gzip data (no gzip header). Replace the \
            file with an intact copy.
            """)
    }

    @Test func gzipCutShortSaysItEndsEarly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let whole = Gzip.compress(Data((0..<5000).map { UInt8($0 % 251) }))
        let file = try folder.write("cut.csv.gz", whole.prefix(whole.count / 2))
        let message = errorMessage {
            try DataLoader.load(file.path, validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            cut.csv.gz: the gzip data ends early. The file is incomplete; \
            replace it with a complete copy.
            """)
    }

    @Test func missingPathListsWhatIsAccepted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("nosuch.csv")
        let message = errorMessage {
            try DataLoader.load(path, validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            \(path): no such file or folder. Expected mnist, digits, iris, \
            a folder with IDX files, or a .csv/.csv.gz file.
            """)
    }

    @Test func fileOfAnotherKindListsWhatIsAccepted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("notes.txt", text: "1,2,3\n")
        let message = errorMessage {
            try DataLoader.load(file.path, validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            \(file.path): not a data set. Expected mnist, digits, iris, a \
            folder with IDX files, or a .csv/.csv.gz file.
            """)
    }

    @Test func emptySpecListsWhatIsAccepted() {
        let message = errorMessage {
            try DataLoader.load("", validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            no data set given. Expected mnist, digits, iris, a folder with \
            IDX files, or a .csv/.csv.gz file.
            """)
    }

    @Test func readingAMissingFileNamesIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("gone.csv")
        let message = errorMessage {
            try CSVReader.read(contentsOf: URL(fileURLWithPath: path))
        }
        #expect(message == "\(path): no such file. Check the path.")
    }

    @Test func validationFractionOutsideZeroToOneIsRejected() throws {
        for fraction in [0, 1, -0.1, 1.5] {
            let message = errorMessage {
                try DataLoader.load("iris", validationFraction: fraction,
                                    seed: 1)
            }
            #expect(message == """
                validation fraction \(fraction) is out of range. Give a \
                fraction above 0 and below 1, such as 0.1.
                """)
        }
    }

    @Test func fractionOfHalfIsTooLargeWhenTestIsHeldOutToo() throws {
        let message = errorMessage {
            try DataLoader.load("iris", validationFraction: 0.5, seed: 1)
        }
        #expect(message == """
            iris: validation fraction 0.5 is too large. With no test set in \
            the data, the same fraction is also held out for testing, so \
            give a fraction below 0.5, such as 0.1.
            """)
    }

    @Test func twoRowsAreTooFewToSplitThreeWays() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("tiny.csv", text: "1,a\n2,b\n")
        let message = errorMessage {
            try DataLoader.load(file.path, validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            tiny.csv: 2 rows, too few to split into training, validation \
            and test sets (need at least 3). Add rows to the data.
            """)
    }

    @Test func oneIDXImageIsTooFewToSplitTwoWays() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("train-images-idx3-ubyte", idxImages(count: 1))
        try folder.write("train-labels-idx1-ubyte", idxLabels([0]))
        try folder.write("t10k-images-idx3-ubyte", idxImages(count: 1))
        try folder.write("t10k-labels-idx1-ubyte", idxLabels([0]))
        let message = errorMessage {
            try DataLoader.load(
                folder.url.path, validationFraction: 0.1, seed: 1)
        }
        #expect(message == """
            \(folder.url.lastPathComponent): 1 row, too few to split into \
            training and validation sets (need at least 2). Add rows to the \
            data.
            """)
    }
}

@Suite struct GzipLimitTests {
    @Test func dataThatInflatesPastTheLimitIsRefused() throws {
        let bomb = Gzip.compress(Data(count: 10_000_000))
        #expect(bomb.count < 100_000)
        let message = errorMessage {
            try Gzip.decompress(
                bomb, file: "/data/bomb.csv.gz", limit: 5_000_000)
        }
        #expect(message == """
            bomb.csv.gz: decompresses to more than 5 MB, over half of this \
            machine's memory. Use a smaller file.
            """)
        #expect(try Gzip.decompress(bomb, file: "ok.gz", limit: 10_000_000)
            .count == 10_000_000)
    }
}
