/// The work behind `CSVReader`: one pass over the bytes of a file.
struct CSVParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let labelColumn: String?
    /// The task asked for; nil to let the labels decide.
    private let task: LearningTask?

    private var cells: [CSVCell] = []
    private var lineStart = 0
    private var lineNumber = 0

    init(
        bytes: UnsafeBufferPointer<UInt8>, file: String, labelColumn: String?,
        task: LearningTask? = nil
    ) {
        self.bytes = bytes
        self.file = file
        self.labelColumn = labelColumn
        self.task = task
        // A byte-order mark, as spreadsheet programs write, is not data.
        if bytes.count >= 3, bytes[0] == 0xef, bytes[1] == 0xbb,
            bytes[2] == 0xbf
        {
            lineStart = 3
        }
    }

    mutating func parse() throws(DatasetError) -> CSVTable {
        guard try nextLine() else { throw .emptyFile(file) }
        let layout = try Layout(
            cells: cells, bytes: bytes, file: file, line: lineNumber,
            labelColumn: labelColumn)
        let columnCount = layout.columnCount
        let width = columnCount - 1

        // Every line but the header may be a row: a safe upper bound.
        let maximumRows = newlineCount() + 1
        var features = [Float](repeating: 0, count: maximumRows * width)
        var labels = CSVLabels(rowCapacity: maximumRows, task: task)

        // The first line is the first row unless it is the header.
        var hasRow = layout.header == nil ? true : try nextLine()
        while hasRow {
            guard cells.count == columnCount else {
                throw .raggedRow(
                    file, line: lineNumber, found: cells.count,
                    expected: columnCount)
            }
            var target = labels.rowCount * width
            for column in 0..<columnCount where column != layout.labelIndex {
                features[target] = try number(
                    cells[column], column: column, layout: layout)
                target += 1
            }
            let cell = cells[layout.labelIndex]
            let label = cell.text(in: bytes)
            guard !label.isEmpty else {
                throw .missingLabel(
                    file, line: lineNumber, column: layout.labelIndex + 1,
                    name: layout.header?[layout.labelIndex])
            }
            try labels.append(
                label, value: cell.number(in: bytes), file: file,
                line: lineNumber, column: layout.labelIndex + 1,
                name: layout.header?[layout.labelIndex])
            hasRow = try nextLine()
        }
        guard labels.rowCount > 0 else { throw .headerOnly(file) }

        features.removeSubrange((labels.rowCount * width)...)
        let (dataset, resolved) = try labels.dataset(
            features: features, featureCount: width, file: file)
        var featureNames = layout.header
        featureNames?.remove(at: layout.labelIndex)
        return CSVTable(
            dataset: dataset, featureNames: featureNames,
            labelName: layout.header?[layout.labelIndex],
            labelColumn: layout.labelIndex + 1, task: resolved)
    }

    // MARK: - Lines and cells

    /// Moves to the next line that is not blank and splits it into
    /// `cells`; false at the end of the file.
    private mutating func nextLine() throws(DatasetError) -> Bool {
        while lineStart < bytes.count {
            lineNumber += 1
            var end = lineStart
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
                end += 1
            }
            var contentEnd = end
            if contentEnd > lineStart,
                bytes[contentEnd - 1] == UInt8(ascii: "\r")
            {
                contentEnd -= 1
            }
            let line = lineStart..<contentEnd
            lineStart = end + 1
            if line.allSatisfy({ CSVCell.isBlank(bytes[$0]) }) { continue }
            guard CSVCell.split(line, of: bytes, into: &cells) else {
                throw .malformedQuote(file, line: lineNumber)
            }
            return true
        }
        return false
    }

    private func newlineCount() -> Int {
        var count = 0
        for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
        return count
    }

    private func number(
        _ cell: CSVCell, column: Int, layout: Layout
    ) throws(DatasetError) -> Float {
        if let value = cell.number(in: bytes), value.isFinite { return value }
        let text = cell.text(in: bytes)
        throw .notANumber(
            file, line: lineNumber, column: column + 1,
            name: layout.header?[column], text: text,
            isNonFinite: Float(text) != nil)
    }
}

extension CSVParser {
    /// The shape of a file, fixed by its first non-blank line.
    struct Layout {
        var columnCount: Int
        var labelIndex: Int
        /// The header cells, when the first line is a header.
        var header: [String]?

        init(
            cells: [CSVCell], bytes: UnsafeBufferPointer<UInt8>, file: String,
            line: Int, labelColumn: String?
        ) throws(DatasetError) {
            columnCount = cells.count
            guard columnCount >= 2 else {
                throw .tooFewColumns(file, line: line, found: columnCount)
            }
            let texts = cells.map { $0.text(in: bytes) }
            let isNumber = cells.map {
                $0.number(in: bytes)?.isFinite == true
            }
            // A header has no number outside its label column.
            func isHeader(labelIndex: Int) -> Bool {
                isNumber.indices.allSatisfy {
                    $0 == labelIndex || !isNumber[$0]
                }
            }

            guard let labelColumn else {
                labelIndex = columnCount - 1
                header = isHeader(labelIndex: labelIndex) ? texts : nil
                return
            }
            if let named = texts.firstIndex(of: labelColumn),
                isHeader(labelIndex: named)
            {
                labelIndex = named
                header = texts
            } else if let number = Int(labelColumn),
                (1...columnCount).contains(number)
            {
                labelIndex = number - 1
                header = isHeader(labelIndex: labelIndex) ? texts : nil
            } else {
                throw .unknownColumn(
                    file, column: labelColumn,
                    header: isNumber.contains(true) ? nil : texts,
                    columnCount: columnCount)
            }
        }
    }
}
