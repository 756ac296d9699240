import Datasets
import Training

/// Two well separated Gaussian-ish blobs in 2-D, built without randomness:
/// class 0 around (-1, -1), class 1 around (1, 1).
func blobs(count: Int) -> Dataset {
    var features: [Float] = []
    var labels: [Int32] = []
    for index in 0..<count {
        let label = Int32(index % 2)
        let centre: Float = label == 0 ? -1 : 1
        let jitterX = Float((index * 37) % 17) / 40 - 0.2
        let jitterY = Float((index * 53) % 13) / 30 - 0.2
        features += [centre + jitterX, centre + jitterY]
        labels.append(label)
    }
    return Dataset(
        features: features, labels: labels, featureCount: 2,
        classNames: ["a", "b"])
}

/// Splits for a quick run on the blobs.
func blobSplits() -> DataSplits {
    DataSplits(
        name: "blobs", source: "memory", train: blobs(count: 256),
        validation: blobs(count: 64), test: blobs(count: 64),
        imageShape: nil)
}

/// A small configuration that trains the blobs in well under a second.
func smallConfiguration(epochs: Int = 3, learningRate: Float = 0.1)
    -> TrainingConfiguration
{
    TrainingConfiguration(
        hiddenLayers: [.init(units: 8, activation: .tanh)],
        learningRate: learningRate, momentum: 0.5, batchSize: 16,
        epochs: epochs, seed: 7)
}
