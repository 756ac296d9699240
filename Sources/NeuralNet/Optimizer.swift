/// A rule that turns the gradients left in a network into a parameter
/// update, with PyTorch's `torch.optim` semantics.
///
/// Optimizers are values: copying one copies its state. Every update first
/// applies the `adjustment` (L1, then clipping by global norm) to the
/// gradients in place, then the optimizer's own rule.
public protocol Optimizer: Sendable {
    /// Step size of the next update; may change between updates.
    var learningRate: Float { get set }
    /// L1 and gradient clipping applied to the gradients before the rule.
    var adjustment: GradientAdjustment { get set }
    /// L2 norm over every gradient of the last update, after L1 and before
    /// clipping (what `clip_grad_norm_` returns).
    var globalGradientNorm: Float { get }
    /// Updates taken so far and every buffer, by PyTorch-style name.
    var state: OptimizerState { get }

    /// Applies one update to every layer's weights and biases; returns
    /// per-layer L2 norms of the weight gradient used (after the
    /// adjustment) and of the weight change applied.
    ///
    /// No heap allocation after the first call, as long as the caller does
    /// not keep the returned array across calls.
    mutating func update(
        _ network: Network
    ) -> [(gradientNorm: Float, updateNorm: Float)]

    /// Forgets every buffer and the step count, as before the first update.
    mutating func resetState()

    /// Takes back a `state` saved from an optimizer of the same kind and
    /// settings on a network of this shape; throws before changing
    /// anything if a name or size does not match.
    mutating func load(
        _ state: OptimizerState, for network: Network
    ) throws(OptimizerError)
}
