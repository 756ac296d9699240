import Datasets
import NeuralNet

extension DataSplits {
    /// Output units the network needs: one per class, one for a binary
    /// decision, one per target for regression.
    public var outputCount: Int {
        switch task {
        case .classification: train.classNames.count
        case .binary: 1
        case .regression: targetCount
        }
    }

    /// The loss that fits the task.
    public func loss(labelSmoothing: Float) -> Loss {
        switch task {
        case .classification: .softmaxCrossEntropy(labelSmoothing: labelSmoothing)
        case .binary: .binaryCrossEntropy
        case .regression: .meanSquaredError
        }
    }
}

/// A network's score on one split.
struct Evaluation {
    var loss: Float
    /// Fraction right, for classification.
    var accuracy: Float?
    /// Root mean squared error, for regression.
    var rootMeanSquaredError: Float?
    /// Coefficient of determination, for regression.
    var rSquared: Float?

    init(_ network: Network, on set: Dataset) {
        if set.isRegression {
            let result = network.evaluateRegression(
                inputs: set.features, targets: set.targets)
            loss = result.loss
            rootMeanSquaredError = result.rootMeanSquaredError
            rSquared = result.rSquared
        } else {
            let result = network.evaluate(
                inputs: set.features, labels: set.labels)
            loss = result.loss
            accuracy = Float(result.correct) / Float(max(1, set.count))
        }
    }
}
