import Foundation

/// Seeded, deterministic, Sendable PRNG: xoshiro256** seeded by SplitMix64.
///
/// The same seed gives the same stream on every machine, so a run can be
/// repeated exactly. Not for cryptography.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose stream depends only on `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed, zero included, over the 256-bit state,
        // which must never be all zero.
        var mixer = seed
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The four words of the generator's state, for checkpoints.
    public var stateWords: [UInt64] { [state.0, state.1, state.2, state.3] }

    /// Restores a generator from ``stateWords``; nil unless there are four
    /// words, not all zero (a state xoshiro can never reach).
    public init?(stateWords words: [UInt64]) {
        guard words.count == 4, words.contains(where: { $0 != 0 }) else {
            return nil
        }
        state = (words[0], words[1], words[2], words[3])
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform Float in [0, 1), from the top 24 bits of the next value.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A standard normal Float (mean 0, variance 1), by Box-Muller.
    ///
    /// Uses two 53-bit uniforms per value and keeps no spare, so each call
    /// advances the stream by exactly two steps.
    public mutating func nextNormal() -> Float {
        // 1 - u lies in (0, 1], so the logarithm stays finite.
        let radius = 1.0 - Double(next() >> 11) * 0x1p-53
        let angle = Double(next() >> 11) * 0x1p-53
        let magnitude = (-2.0 * Foundation.log(radius)).squareRoot()
        return Float(magnitude * Foundation.cos(2.0 * Double.pi * angle))
    }

    /// Two generators are equal when their future streams are identical.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.state == rhs.state
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
