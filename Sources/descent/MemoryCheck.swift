import Foundation
import Training

extension Options {
    /// Bytes a run of this configuration needs, roughly: weights with
    /// their gradients, velocities, the rollback copy and the snapshot copy
    /// (five floats per parameter), and four per-row buffers per layer.
    func estimatedBytes(inputs: Int, outputs: Int) -> Double {
        // Dropout layers keep a mask per row: counted like a dense layer
        // of the previous width.
        var widths: [Double] = []
        for layer in configuration.hiddenLayers {
            widths.append(Double(layer.units ?? 0))
        }
        widths.append(Double(outputs))
        var parameters = 0.0
        var fanIn = Double(inputs)
        var rowWidths = Double(inputs)
        for width in widths {
            let effective = width == 0 ? fanIn : width
            if width > 0 { parameters += fanIn * width + width }
            rowWidths += 4 * effective
            fanIn = effective
        }
        let rows = Double(configuration.batchSize)
        return 4 * (5 * parameters + rows * rowWidths)
    }

    /// Refuses a network or batch that cannot fit in half of this
    /// machine's memory, before anything is allocated.
    func checkFits(
        inputs: Int, outputs: Int,
        memory: UInt64 = ProcessInfo.processInfo.physicalMemory
    ) throws(UsageError) {
        let needed = estimatedBytes(inputs: inputs, outputs: outputs)
        let available = Double(memory) / 2
        guard needed > available else { return }
        let layers = configuration.hiddenLayers.map(\.text)
            .joined(separator: ",")
        throw UsageError(description: String(
            format: "--layers %@ with --batch %d needs about %@, more than "
                + "half of this machine's %@; use smaller layers or batches",
            layers.isEmpty ? "none" : layers, configuration.batchSize,
            Self.size(needed), Self.size(Double(memory))))
    }

    private static func size(_ bytes: Double) -> String {
        bytes >= 1e9 ? String(format: "%.0f GB", bytes / 1e9)
            : String(format: "%.0f MB", bytes / 1e6)
    }
}
