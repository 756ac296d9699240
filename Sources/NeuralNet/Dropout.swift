/// Inverted dropout with PyTorch's semantics: in training each value is
/// kept with probability 1 - rate and scaled by 1 / (1 - rate); in
/// evaluation it is the identity.
///
/// The mask and output buffers are sized once for `maxBatch` rows, so a
/// training step allocates nothing.
public final class Dropout {
    /// Probability of zeroing each value, in [0, 1).
    public let rate: Float
    /// Values per row.
    public let width: Int
    /// Rows the buffers hold.
    public let maxBatch: Int
    /// Whether the mask stays as set by `fixMask` instead of being drawn
    /// anew on every forward pass in training.
    public private(set) var isMaskFixed = false

    // Both (maxBatch, width). `mask` holds 0 or 1 / (1 - rate) per value,
    // so forward and backward are one multiply each.
    let mask: UnsafeMutableBufferPointer<Float>
    let output: UnsafeMutableBufferPointer<Float>

    /// Creates a dropout stage for rows of `width` values.
    init(rate: Float, width: Int, maxBatch: Int) {
        precondition(
            rate >= 0 && rate < 1,
            "dropout rate \(rate); use a rate from 0 up to, not including, 1")
        precondition(
            width > 0 && maxBatch > 0,
            "dropout over \(width) values and \(maxBatch) rows")
        self.rate = rate
        self.width = width
        self.maxBatch = maxBatch
        mask = .allocate(capacity: maxBatch * width)
        mask.initialize(repeating: 1 / (1 - rate))
        output = .allocate(capacity: maxBatch * width)
        output.initialize(repeating: 0)
    }

    deinit {
        mask.deallocate()
        output.deallocate()
    }

    /// Sets which values are kept (true) for the first `keep.count / width`
    /// rows, and stops drawing masks, so a test can repeat a pass exactly.
    ///
    /// Each chunk of a batch larger than `maxBatch` reuses these rows.
    public func fixMask(_ keep: [Bool]) {
        precondition(
            keep.count <= mask.count && keep.count % width == 0,
            "a mask of \(keep.count) values for rows of \(width) and "
                + "buffers of \(maxBatch) rows")
        let scale = 1 / (1 - rate)
        for (index, kept) in keep.enumerated() {
            mask[index] = kept ? scale : 0
        }
        isMaskFixed = true
    }

    /// Goes back to drawing a fresh mask on every training pass.
    public func releaseMask() {
        isMaskFixed = false
    }

    /// The keep pattern of the first `rows` rows as last used.
    public func keptValues(rows: Int) -> [Bool] {
        checkRows(rows)
        return (0..<(rows * width)).map { mask[$0] != 0 }
    }

    // MARK: - Forward

    /// Draws a mask (unless fixed) and writes x ⊙ mask into `output`.
    func forward(
        _ input: UnsafeBufferPointer<Float>, count: Int,
        generator: inout SeededGenerator
    ) {
        // x, mask and y are (count, width).
        checkRows(count)
        let values = count * width
        if !isMaskFixed {
            let scale = 1 / (1 - rate)
            for i in 0..<values {
                mask[i] = generator.nextUniform() < rate ? 0 : scale
            }
        }
        for i in 0..<values { output[i] = input[i] * mask[i] }
    }

    // MARK: - Backward

    /// Turns dL/dy into dL/dx in place: delta ⊙= mask.
    func backward(delta: UnsafeMutableBufferPointer<Float>, count: Int) {
        // delta and mask are (count, width).
        checkRows(count)
        for i in 0..<(count * width) { delta[i] *= mask[i] }
    }

    private func checkRows(_ count: Int) {
        precondition(
            (0...maxBatch).contains(count),
            "\(count) rows for buffers of \(maxBatch); split the batch")
    }
}
