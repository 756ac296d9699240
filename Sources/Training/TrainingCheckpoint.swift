import Checkpoints
import Datasets
import Foundation
import NeuralNet

/// Where a run came from, so a resumed run reads the same data.
public struct DataReference: Codable, Equatable, Sendable {
    /// The `--data` value: a bundled name or a path.
    public var spec: String
    /// The validation fraction the splits were made with.
    public var validationFraction: Double
    /// The task when it was forced with `--task`; nil followed the data.
    public var task: String?

    /// Creates a reference.
    public init(spec: String, validationFraction: Double, task: String? = nil) {
        self.spec = spec
        self.validationFraction = validationFraction
        self.task = task
    }
}

/// A whole run at an epoch boundary: weights and optimizer moments as
/// safetensors tensors, and everything else as versioned JSON in the
/// file's metadata.
///
/// Tensors: `layers.{i}.weight` [out, in] and `layers.{i}.bias` [out] as
/// in `torch.nn.Linear`; `optimizer.{buffer}` flat, in Descent's layout
/// (weights in × out), named as PyTorch names its state
/// (`layers.0.weight.exp_avg`); `best.layers.{i}.*` with early stopping.
public struct TrainingCheckpoint: Sendable {
    /// The JSON part.
    struct State: Codable, Equatable, Sendable {
        var data: DataReference
        var configuration: SavedConfiguration
        var epochsCompleted: Int
        var step: Int
        // Hex strings: 64-bit words do not survive every JSON reader.
        var generator: [String]
        var dropoutGenerator: [String]
        var optimizerStep: Int
        var rates: ScheduledLearningRate
        var earlyStopping: EarlyStopping?
        var trainingLoss: DownsampledSeries
        var validationLoss: DownsampledSeries
        var validationAccuracy: DownsampledSeries
        var epochSummaries: [EpochSummary]
        var events: [TrainingEvent]
        var elapsedSeconds: Double
    }

    let state: State
    let tensors: [Tensor]

    /// The data the run trained on.
    public var data: DataReference { state.data }
    /// Epochs finished when the checkpoint was written.
    public var epochsCompleted: Int { state.epochsCompleted }
    /// Batches trained when the checkpoint was written.
    public var step: Int { state.step }

    /// The run's configuration; `epochs` may be raised to train longer.
    public func configuration() throws(CheckpointError) -> TrainingConfiguration {
        switch state.configuration.configuration() {
        case .success(let configuration): return configuration
        case .failure(let error):
            throw CheckpointError(
                .malformedState, file: path,
                message: "\(name): the saved configuration is damaged "
                    + "(\(error.reason)); the file cannot be resumed")
        }
    }

    /// The file it was read from, for messages.
    let path: String
    private var name: String { URL(fileURLWithPath: path).lastPathComponent }

    init(state: State, tensors: [Tensor], path: String) {
        self.state = state
        self.tensors = tensors
        self.path = path
    }

    /// Reads a checkpoint written by ``save(to:)``.
    public init(contentsOf url: URL) throws(CheckpointError) {
        let file = try Checkpoint<State>(contentsOf: url)
        self.init(state: file.state, tensors: file.tensors, path: url.path)
    }

    /// Writes the checkpoint atomically: a temporary file, then a rename.
    public func save(to url: URL) throws(CheckpointError) {
        try Checkpoint(tensors: tensors, state: state).save(to: url)
    }

    /// The tensors of one prefix (`""` or `"best."`) as layer parameters,
    /// checked against a network's shape.
    func parameters(
        prefix: String, for network: Network
    ) throws(CheckpointError) -> [(weights: [Float], bias: [Float])] {
        let named = tensors.filter { $0.name.hasPrefix(prefix + "layers.") }
            .map { Tensor(
                name: String($0.name.dropFirst(prefix.count)),
                shape: $0.shape, values: $0.values) }
        let layers = try LayerParameters.layers(from: named, file: path)
        guard layers.count == network.layers.count,
            zip(layers, network.layers).allSatisfy({
                $0.inputs == $1.inputs && $0.outputs == $1.outputs
            })
        else {
            let saved = ([layers.first?.inputs ?? 0] + layers.map(\.outputs))
                .map(String.init).joined(separator: "-")
            throw CheckpointError(
                .missingTensor, file: path,
                message: "\(name): its weights are for a \(saved) network, "
                    + "not \(network.shapeDescription); resume it with the "
                    + "data it was trained on")
        }
        return layers.map { ($0.weights, $0.biases) }
    }

    /// The optimizer's saved state.
    var optimizerState: OptimizerState {
        var buffers: [String: [Float]] = [:]
        for tensor in tensors where tensor.name.hasPrefix("optimizer.") {
            buffers[String(tensor.name.dropFirst("optimizer.".count))] =
                tensor.values
        }
        return OptimizerState(step: state.optimizerStep, buffers: buffers)
    }

    /// Tensors for a network's weights, under a prefix.
    static func tensors(
        of network: Network, prefix: String = ""
    ) -> [Tensor] {
        tensors(of: network.parameters, network: network, prefix: prefix)
    }

    static func tensors(
        of parameters: [(weights: [Float], bias: [Float])], network: Network,
        prefix: String
    ) -> [Tensor] {
        let layers = zip(network.layers, parameters).map { layer, values in
            LayerParameters(
                inputs: layer.inputs, outputs: layer.outputs,
                weights: values.weights, biases: values.bias)
        }
        return LayerParameters.tensors(for: layers).map {
            Tensor(name: prefix + $0.name, shape: $0.shape, values: $0.values)
        }
    }

    /// Tensors for an optimizer's buffers, sorted by name.
    static func tensors(of state: OptimizerState) -> [Tensor] {
        state.buffers.keys.sorted().map { key in
            let values = state.buffers[key]!
            return Tensor(
                name: "optimizer." + key, shape: [values.count], values: values)
        }
    }
}

extension SeededGenerator {
    /// The state as hex words for JSON.
    var hexWords: [String] { stateWords.map { String($0, radix: 16) } }

    /// A generator from ``hexWords``; nil when they are damaged.
    init?(hexWords: [String]) {
        let words = hexWords.compactMap { UInt64($0, radix: 16) }
        guard words.count == hexWords.count else { return nil }
        self.init(stateWords: words)
    }
}

extension TrainingCheckpoint {
    /// Checks that the checkpoint fits a network for this data: weights,
    /// best weights and optimizer buffers, names and sizes.
    public func validate(for data: DataSplits) throws(CheckpointError) {
        let configuration = try configuration()
        var generator = SeededGenerator(seed: 0)
        let network = Network(
            inputSize: data.train.featureCount,
            hidden: configuration.hiddenLayers, outputs: data.outputCount,
            loss: data.loss(labelSmoothing: configuration.labelSmoothing),
            initialization: configuration.initialization,
            maxBatch: 1, generator: &generator)
        _ = try restore(into: network)
        guard SeededGenerator(hexWords: state.generator) != nil,
            SeededGenerator(hexWords: state.dropoutGenerator) != nil
        else {
            throw damaged("a generator state is damaged")
        }
        var optimizer: any Optimizer
        do {
            optimizer = try configuration.optimizer.makeOptimizer()
            try optimizer.load(optimizerState, for: network)
        } catch {
            throw damaged("the optimizer state does not fit: \(error)")
        }
    }

    /// Loads the weights into a network and returns the best epoch's
    /// weights when early stopping kept them.
    func restore(
        into network: Network
    ) throws(CheckpointError) -> [(weights: [Float], bias: [Float])] {
        do {
            try network.loadParameters(parameters(prefix: "", for: network))
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw damaged("\(error)")
        }
        guard tensors.contains(where: { $0.name.hasPrefix("best.") }) else {
            return []
        }
        return try parameters(prefix: "best.", for: network)
    }

    private func damaged(_ reason: String) -> CheckpointError {
        CheckpointError(
            .malformedState, file: path,
            message: "\(name): \(reason); the file cannot be resumed")
    }
}

extension TrainingCheckpoint {
    /// The trained network, ready to evaluate and predict on this data.
    public func network(for data: DataSplits) throws(CheckpointError) -> Network {
        try validate(for: data)
        let configuration = try configuration()
        var generator = SeededGenerator(seed: 0)
        let network = Network(
            inputSize: data.train.featureCount,
            hidden: configuration.hiddenLayers, outputs: data.outputCount,
            loss: data.loss(labelSmoothing: configuration.labelSmoothing),
            initialization: configuration.initialization,
            maxBatch: max(1, configuration.batchSize), generator: &generator)
        _ = try restore(into: network)
        return network
    }
}
