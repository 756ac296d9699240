/// An optimizer's state as named arrays, for checkpoints.
///
/// Buffer names follow PyTorch's parameter and state names:
/// `layers.0.weight.momentum_buffer`, `layers.1.bias.exp_avg_sq`. An
/// optimizer that has not updated yet has no buffers.
public struct OptimizerState: Sendable, Equatable {
    /// Updates taken so far (Adam's bias correction depends on it).
    public var step: Int
    /// Every state buffer, shaped like its parameter (weights are
    /// inputs × outputs, row-major).
    public var buffers: [String: [Float]]

    /// Creates a state.
    public init(step: Int, buffers: [String: [Float]]) {
        self.step = step
        self.buffers = buffers
    }
}
