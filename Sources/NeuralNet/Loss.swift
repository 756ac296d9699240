/// What a network's output is compared with, and how.
public enum Loss: Sendable, Hashable {
    /// Softmax over the outputs, then cross-entropy against a class label,
    /// optionally with label smoothing (PyTorch `CrossEntropyLoss`).
    case softmaxCrossEntropy(labelSmoothing: Float = 0)
    /// Sigmoid of one output unit, then binary cross-entropy against a 0/1
    /// label or a target in [0, 1] (PyTorch `BCEWithLogitsLoss`).
    case binaryCrossEntropy
    /// Mean squared error over all outputs of all rows, for regression
    /// (PyTorch `MSELoss`).
    case meanSquaredError

    /// The name for display, such as `cross_entropy(smoothing 0.1)`.
    public var name: String {
        switch self {
        case .softmaxCrossEntropy(let smoothing) where smoothing == 0:
            "cross_entropy"
        case .softmaxCrossEntropy(let smoothing):
            "cross_entropy(smoothing \(smoothing))"
        case .binaryCrossEntropy: "binary_cross_entropy"
        case .meanSquaredError: "mse"
        }
    }

    /// Whether the loss compares with class labels (the others take
    /// Float targets).
    public var takesLabels: Bool {
        switch self {
        case .softmaxCrossEntropy, .binaryCrossEntropy: true
        case .meanSquaredError: false
        }
    }

    /// Whether the loss can compare with Float targets.
    public var takesTargets: Bool {
        switch self {
        case .softmaxCrossEntropy: false
        case .binaryCrossEntropy, .meanSquaredError: true
        }
    }
}
