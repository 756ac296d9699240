import Datasets
import Foundation
import Testing

/// Broken CSV files, each with the exact message users see.
@Suite struct BrokenCSVTests {
    let irisHeader = "sepal_length,sepal_width,petal_length,petal_width,species"

    func parseMessage(
        _ text: String, file: String, labelColumn: String? = nil
    ) -> String? {
        errorMessage {
            try CSVReader.parse(
                Data(text.utf8), file: "/data/\(file)",
                labelColumn: labelColumn)
        }
    }

    @Test func raggedRowSaysHowManyValuesWereExpected() {
        let good = Array(repeating: "0", count: 64).joined(separator: ",")
            + ",3"
        let short = Array(repeating: "0", count: 62).joined(separator: ",")
            + ",3"
        let text = Array(repeating: good, count: 40).joined(separator: "\n")
            + "\n" + short + "\n" + good + "\n"
        #expect(parseMessage(text, file: "digits.csv") == """
            digits.csv line 41: 63 values, expected 65 (64 features and a \
            label). Give every row the same number of values.
            """)
    }

    @Test func rowLongerThanTheHeaderIsRagged() {
        let text = "x,label\n1,a\n2,3,b\n"
        #expect(parseMessage(text, file: "pairs.csv") == """
            pairs.csv line 3: 3 values, expected 2 (1 feature and a label). \
            Give every row the same number of values.
            """)
    }

    @Test func nonNumericCellIsNamedByLineColumnAndHeader() {
        let rows = [
            irisHeader, "5.1,3.5,1.4,0.2,setosa", "4.9,3.0,1.4,0.2,setosa",
            "4.7,3.2,1.3,0.2,setosa", "4.6,3.1,1.5,0.2,setosa",
            "5.0,3.6,1.4,0.2,setosa", "5.4,abc,1.7,0.4,setosa",
        ]
        let text = rows.joined(separator: "\n")
        #expect(parseMessage(text, file: "iris.csv") == """
            iris.csv line 7, column 2 (sepal_width): "abc" is not a number. \
            Fix the value; only the label column may hold text.
            """)
    }

    @Test func nonNumericCellWithoutHeaderIsNamedByLineAndColumn() {
        #expect(parseMessage("1,2,a\n3,x y,b\n", file: "plain.csv") == """
            plain.csv line 2, column 2: "x y" is not a number. Fix the \
            value; only the label column may hold text.
            """)
    }

    @Test func typoInTheFirstRowIsReportedNotTakenForAHeader() {
        #expect(parseMessage("1,o.5,a\n3,4,b\n", file: "typo.csv") == """
            typo.csv line 1, column 2: "o.5" is not a number. Fix the \
            value; only the label column may hold text.
            """)
    }

    @Test func notANumberCellIsRejectedAsNotFinite() {
        #expect(parseMessage("1,2,a\n3,nan,b\n", file: "gaps.csv") == """
            gaps.csv line 2, column 2: "nan" is not a finite number. \
            Replace it or remove the row.
            """)
    }

    @Test func emptyCellIsNotANumber() {
        #expect(parseMessage("1,2,a\n3,,b\n", file: "holes.csv") == """
            holes.csv line 2, column 2: "" is not a number. Fix the value; \
            only the label column may hold text.
            """)
    }

    @Test func emptyLabelIsRejected() {
        #expect(parseMessage("a,b,kind\n1,2,x\n3,4, \n", file: "l.csv") == """
            l.csv line 3, column 3 (kind): the label is empty. Give every \
            row a label.
            """)
    }

    @Test func emptyFileIsRejected() {
        #expect(parseMessage("", file: "empty.csv") == """
            empty.csv: the file is empty. Give one row per sample: numeric \
            features, then the label.
            """)
    }

    @Test func fileOfBlankLinesCountsAsEmpty() {
        #expect(parseMessage("\n  \r\n\t\n", file: "blank.csv") == """
            blank.csv: the file is empty. Give one row per sample: numeric \
            features, then the label.
            """)
    }

    @Test func headerWithoutRowsIsRejected() {
        #expect(parseMessage(irisHeader + "\n\n", file: "header.csv") == """
            header.csv: a header row but no data rows. Add one row per \
            sample below the header.
            """)
    }

    @Test func singleColumnSuggestsCommas() {
        #expect(parseMessage("1;2;a\n3;4;b\n", file: "semi.csv") == """
            semi.csv line 1: 1 value, expected at least 2 (features and a \
            label). Separate values with commas.
            """)
    }

    @Test func unclosedQuoteIsRejected() {
        #expect(parseMessage("1,2,\"a\n3,4,b\n", file: "q.csv") == """
            q.csv line 1: a quoted value is not closed properly. Quote whole \
            values, double any quote inside one (""), and keep each row on \
            one line.
            """)
    }

    @Test func textAfterAClosingQuoteIsRejected() {
        #expect(parseMessage("1,2,\"a\"b\n", file: "q.csv") == """
            q.csv line 1: a quoted value is not closed properly. Quote whole \
            values, double any quote inside one (""), and keep each row on \
            one line.
            """)
    }

    @Test func unknownLabelColumnNameListsTheColumns() {
        let text = irisHeader + "\n5.1,3.5,1.4,0.2,setosa\n"
        #expect(parseMessage(text, file: "iris.csv", labelColumn: "kind")
            == """
            iris.csv: no column named "kind". The columns are sepal_length, \
            sepal_width, petal_length, petal_width, species; give a name or \
            a number from 1 to 5.
            """)
    }

    @Test func labelColumnNumberOutOfRangeIsRejected() {
        let text = irisHeader + "\n5.1,3.5,1.4,0.2,setosa\n"
        #expect(parseMessage(text, file: "iris.csv", labelColumn: "6") == """
            iris.csv: no column 6. The columns are sepal_length, \
            sepal_width, petal_length, petal_width, species; give a name or \
            a number from 1 to 5.
            """)
    }

    @Test func labelColumnNameWithoutHeaderAsksForANumber() {
        #expect(parseMessage("1,2,3\n", file: "n.csv", labelColumn: "y") == """
            n.csv: no column named "y". The file has no header row; give a \
            column number from 1 to 3.
            """)
    }
}
