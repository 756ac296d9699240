import Datasets
import Foundation
import Testing

/// What the CSV reader accepts, and how it names classes and columns.
@Suite struct CSVReaderTests {
    func parse(_ text: String, labelColumn: String? = nil) throws -> CSVTable {
        try CSVReader.parse(
            Data(text.utf8), file: "t.csv", labelColumn: labelColumn)
    }

    @Test func integerLabelsSortNumerically() throws {
        let table = try parse("1,10\n2,2\n3,10\n4,0\n")
        #expect(table.dataset.classNames == ["0", "2", "10"])
        #expect(table.dataset.labels == [2, 1, 2, 0])
        #expect(table.dataset.features == [1, 2, 3, 4])
        #expect(table.featureNames == nil && table.labelName == nil)
    }

    @Test func textLabelsSortByStringOrder() throws {
        let table = try parse("1,pear\n2,apple\n3,Zucchini\n4,pear\n")
        #expect(table.dataset.classNames == ["Zucchini", "apple", "pear"])
        #expect(table.dataset.labels == [2, 1, 0, 2])
    }

    @Test func headerIsDetectedAndItsNamesKept() throws {
        let table = try parse("width,height,kind\n1,2,a\n3,4,b\n")
        #expect(table.featureNames == ["width", "height"])
        #expect(table.labelName == "kind")
        #expect(table.labelColumn == 3)
        #expect(table.dataset.count == 2)
    }

    @Test func labelColumnCanBeChosenByHeaderName() throws {
        let table = try parse("kind,width,height\na,1,2\nb,3,4\n",
                              labelColumn: "kind")
        #expect(table.featureNames == ["width", "height"])
        #expect(table.labelColumn == 1)
        #expect(table.dataset.features == [1, 2, 3, 4])
        #expect(table.dataset.classNames == ["a", "b"])
    }

    @Test func labelColumnCanBeChosenByNumber() throws {
        let table = try parse("7,1,2\n8,3,4\n", labelColumn: "1")
        #expect(table.dataset.classNames == ["7", "8"])
        #expect(table.dataset.features == [1, 2, 3, 4])
        #expect(table.featureNames == nil)
    }

    @Test func crlfBlankLinesBlanksAndByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}a,b,label\r\n\r\n 1 ,\t2,x\r\n\r\n3,4 , y \r\n"
        let table = try parse(text)
        #expect(table.featureNames == ["a", "b"])
        #expect(table.dataset.features == [1, 2, 3, 4])
        #expect(table.dataset.classNames == ["x", "y"])
    }

    @Test func lastLineWithoutNewlineIsRead() throws {
        #expect(try parse("1,a\n2,b").dataset.count == 2)
    }

    @Test func quotedValuesAreUnwrapped() throws {
        let table = try parse(
            "\"x\",\"label\"\n\"1.5\",\"say \"\"hi\"\"\"\n2,\"a, b\"\n")
        #expect(table.featureNames == ["x"])
        #expect(table.dataset.features == [1.5, 2])
        #expect(table.dataset.classNames == ["a, b", "say \"hi\""])
    }

    @Test func firstRowMixingNumbersAndTextIsData() throws {
        let table = try parse("1,2,setosa\n3,4,virginica\n")
        #expect(table.featureNames == nil)
        #expect(table.dataset.count == 2)
    }

    @Test func numbersInEveryNotationAreRead() throws {
        let table = try parse("-1.5,+2,1e3,.25,7.,0x10,a\n")
        #expect(table.dataset.features == [-1.5, 2, 1000, 0.25, 7, 16])
    }

    @Test func gzipAndPlainDigitsAreEqual() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let packed = try Data(contentsOf: resources.appendingPathComponent(
            "digits/digits.csv.gz"))
        let plain = try folder.write(
            "digits.csv", Gzip.decompress(packed, file: "digits.csv.gz"))
        let fromPlain = try CSVReader.read(contentsOf: plain)
        let fromGzip = try CSVReader.read(
            contentsOf: resources.appendingPathComponent(
                "digits/digits.csv.gz"))
        #expect(fromPlain == fromGzip)
        #expect(fromPlain.dataset.count == 1797)
    }
}
