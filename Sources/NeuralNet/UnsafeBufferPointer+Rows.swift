extension UnsafeBufferPointer {
    // A row-major matrix's rows `rows`, each `width` elements wide.
    func rows(_ rows: Range<Int>, width: Int) -> UnsafeBufferPointer {
        let start = rows.lowerBound * width
        return UnsafeBufferPointer(
            rebasing: self[start..<(rows.upperBound * width)])
    }
}

extension UnsafeMutableBufferPointer {
    // The first `count` rows of a row-major matrix `width` elements wide.
    func prefix(rows count: Int, width: Int) -> UnsafeMutableBufferPointer {
        UnsafeMutableBufferPointer(rebasing: self[0..<(count * width)])
    }
}
