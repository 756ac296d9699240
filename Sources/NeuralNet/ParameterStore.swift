/// The bookkeeping every optimizer shares: per-parameter state buffers in
/// one flat array, the step count and the per-layer norms it returns.
///
/// Buffer `slot` of parameter `p` starts at `slot * total + offsets[p]`,
/// so one pointer reaches every buffer of a parameter.
struct ParameterStore: Sendable {
    /// PyTorch's names of the buffers kept per parameter, in slot order.
    let bufferNames: [String]
    /// Values per parameter (weights then bias, layer by layer).
    private(set) var counts: [Int] = []
    private(set) var offsets: [Int] = []
    /// Values of one buffer over all parameters.
    private(set) var total = 0
    /// Every buffer, slot after slot.
    private(set) var values: [Float] = []
    /// Updates taken so far.
    var step = 0
    /// The last update's global gradient norm before clipping.
    var globalGradientNorm: Float = 0
    // Whether this update clipped, so the norm is already known.
    private var clipped = false
    // Reused for the result, so a caller that drops it before the next
    // update lets the next update write in place.
    private var norms: [(gradientNorm: Float, updateNorm: Float)] = []

    init(bufferNames: [String]) {
        self.bufferNames = bufferNames
    }

    // MARK: - Updating

    /// Sizes the buffers for this network (keeping them when the shapes
    /// match), adjusts the gradients and counts the step.
    mutating func begin(
        _ network: Network, adjustment: GradientAdjustment
    ) {
        if !matches(network) { resize(for: network) }
        if adjustment.l1 != 0 {
            GradientAdjustment.addL1(strength: adjustment.l1, to: network)
        }
        // Without clipping the norm comes from the update's own pass.
        clipped = adjustment.clipNorm != nil
        if let clipNorm = adjustment.clipNorm {
            globalGradientNorm = GradientClipping.clip(
                network, maxNorm: clipNorm)
        }
        step += 1
    }

    /// Runs `body` on every parameter with its gradient and a pointer to
    /// its first buffer (the next is `total` further on); `body` returns
    /// the sums of squares of the gradient and of the change it made.
    mutating func forEachParameter(
        of network: Network,
        _ body: (
            _ parameter: UnsafeMutableBufferPointer<Float>,
            _ gradient: UnsafeMutableBufferPointer<Float>,
            _ buffers: UnsafeMutablePointer<Float>, _ stride: Int
        ) -> (gradientSquares: Float, updateSquares: Float)
    ) -> [(gradientNorm: Float, updateNorm: Float)] {
        // Moved out so the closures below touch locals only.
        var buffers = values
        values = []
        var results = norms
        norms = []
        let stride = total
        let offsets = offsets
        var gradientSquares: Double = 0
        buffers.withUnsafeMutableBufferPointer { state in
            for index in 0..<(2 * network.layers.count) {
                let sums = network.withParameter(index) { p, g in
                    body(p, g, state.baseAddress! + offsets[index], stride)
                }
                gradientSquares += Double(sums.gradientSquares)
                if index.isMultiple(of: 2) {
                    results[index / 2] = (
                        sums.gradientSquares.squareRoot(),
                        sums.updateSquares.squareRoot()
                    )
                }
            }
        }
        values = buffers
        norms = results
        if !clipped {
            globalGradientNorm = Float(gradientSquares.squareRoot())
        }
        return results
    }

    /// Where the buffers live; tests check it stays put across updates.
    var storageAddress: UnsafeRawPointer? {
        values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    // MARK: - State

    /// Zeroes every buffer and the step count.
    mutating func reset() {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        step = 0
    }

    /// The buffers in `slots` (all by default) by name, with the step.
    func state(slots: [Int]? = nil) -> OptimizerState {
        guard step > 0 else { return OptimizerState(step: 0, buffers: [:]) }
        var buffers: [String: [Float]] = [:]
        for slot in slots ?? Array(bufferNames.indices) {
            for index in counts.indices {
                let start = slot * total + offsets[index]
                buffers[name(index, slot)] =
                    Array(values[start..<(start + counts[index])])
            }
        }
        return OptimizerState(step: step, buffers: buffers)
    }

    /// Takes back the buffers in `slots` (others start at zero); checks
    /// every name and size before changing anything.
    mutating func load(
        _ state: OptimizerState, slots: [Int]? = nil, for network: Network
    ) throws(OptimizerError) {
        guard state.step >= 0 else { throw .invalidStep(state.step) }
        var fresh = ParameterStore(bufferNames: bufferNames)
        fresh.resize(for: network)
        fresh.step = state.step
        let kept = slots ?? Array(bufferNames.indices)
        // Only a state saved before the first update may lack buffers.
        if !state.buffers.isEmpty || state.step > 0 {
            var expected: Set<String> = []
            for slot in kept {
                for index in fresh.counts.indices {
                    let key = name(index, slot)
                    expected.insert(key)
                    guard let given = state.buffers[key] else {
                        throw .missingBuffer(key)
                    }
                    guard given.count == fresh.counts[index] else {
                        throw .bufferSizeMismatch(
                            name: key, expected: fresh.counts[index],
                            found: given.count)
                    }
                    let start = slot * fresh.total + fresh.offsets[index]
                    fresh.values.replaceSubrange(
                        start..<(start + given.count), with: given)
                }
            }
            if let extra = state.buffers.keys.sorted()
                .first(where: { !expected.contains($0) })
            {
                throw .unexpectedBuffer(extra)
            }
        }
        self = fresh
    }

    // MARK: - Layout

    private func name(_ index: Int, _ slot: Int) -> String {
        Network.parameterName(index) + "." + bufferNames[slot]
    }

    private func matches(_ network: Network) -> Bool {
        guard counts.count == 2 * network.layers.count else { return false }
        for (index, layer) in network.layers.enumerated() {
            if counts[2 * index] != layer.weights.count
                || counts[2 * index + 1] != layer.bias.count
            {
                return false
            }
        }
        return true
    }

    private mutating func resize(for network: Network) {
        counts = network.layers.flatMap { [$0.weights.count, $0.bias.count] }
        offsets = []
        var running = 0
        for count in counts {
            offsets.append(running)
            running += count
        }
        total = running
        // One spare value keeps a base address when there are no buffers.
        values = Array(repeating: 0, count: total * bufferNames.count + 1)
        norms = Array(repeating: (0, 0), count: network.layers.count)
        step = 0
    }
}
