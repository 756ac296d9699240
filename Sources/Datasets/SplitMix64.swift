/// Vigna's SplitMix64: a tiny seeded generator, so that splits depend only
/// on the seed and never on the standard library's shuffle algorithm.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// A uniform value in `0..<bound` (Lemire's multiply with rejection,
    /// so no value is favoured).
    mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "empty range")
        let threshold = (0 &- bound) % bound
        while true {
            let (high, low) = next().multipliedFullWidth(by: bound)
            if low >= threshold { return high }
        }
    }

    /// `0..<count` in a seeded random order (Fisher-Yates).
    mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        var position = count - 1
        while position > 0 {
            let other = Int(next(below: UInt64(position + 1)))
            order.swapAt(position, other)
            position -= 1
        }
        return order
    }
}
