extension Array where Element: Comparable {
    /// The element that would sit at `rank` (0-based) if the array were
    /// sorted, found by quickselect; the array is left reordered.
    ///
    /// - Complexity: O(n) expected. A three-way partition keeps runs of
    ///   equal values (such as a layer of zeros) linear; should pivots keep
    ///   failing, the remaining range is sorted, so the worst case is
    ///   O(n log n).
    mutating func select(rank: Int) -> Element {
        // elements (n) -> one element; the array is permuted in place
        precondition(
            indices.contains(rank),
            "rank \(rank) is outside 0..<\(count); pass a rank below count")
        return withUnsafeMutableBufferPointer { buffer in
            var low = 0, high = buffer.count
            var budget = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
            while high - low > 1 {
                guard budget > 0 else {
                    buffer[low..<high].sort()
                    return buffer[rank]
                }
                budget -= 1
                let pivot = Self.median(
                    buffer[low], buffer[(low + high) / 2], buffer[high - 1])
                // Afterwards [low, less) < pivot, [less, greater) equal,
                // [greater, high) > pivot.
                var less = low, index = low, greater = high
                while index < greater {
                    if buffer[index] < pivot {
                        buffer.swapAt(less, index)
                        less += 1
                        index += 1
                    } else if pivot < buffer[index] {
                        greater -= 1
                        buffer.swapAt(index, greater)
                    } else {
                        index += 1
                    }
                }
                if rank < less {
                    high = less
                } else if rank >= greater {
                    low = greater
                } else {
                    return pivot
                }
            }
            return buffer[low]
        }
    }

    /// The element at `rank` of the sorted array, by sorting: the plain
    /// reference ``select(rank:)`` is tested against.
    func selectedBySorting(rank: Int) -> Element {
        sorted()[rank]
    }

    private static func median(
        _ a: Element, _ b: Element, _ c: Element
    ) -> Element {
        if a < b {
            return b < c ? b : (a < c ? c : a)
        }
        return a < c ? a : (b < c ? c : b)
    }
}
