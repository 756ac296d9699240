import Training

/// A layer's weight matrix turned so its longer side runs across, and
/// resampled to a pixel grid.
struct WeightMatrix {
    /// A grid of pixel values, row-major.
    struct Pixels: Equatable {
        let rows: Int
        let columns: Int
        let values: [Float]

        subscript(row: Int, column: Int) -> Float {
            values[row * columns + column]
        }
    }

    /// Rows and columns as drawn.
    let rows: Int
    let columns: Int
    /// True when rows are the layer's outputs (the stored matrix is
    /// `inputs × outputs`).
    let isTransposed: Bool
    private let weights: [Float]
    private let outputs: Int

    /// Nil when the layer holds no weights or their count does not match
    /// its shape.
    init?(layer: LayerView) {
        guard layer.inputs > 0, layer.outputs > 0,
              layer.weights.count == layer.inputs * layer.outputs
        else { return nil }
        isTransposed = layer.inputs > layer.outputs
        rows = isTransposed ? layer.outputs : layer.inputs
        columns = isTransposed ? layer.inputs : layer.outputs
        weights = layer.weights
        outputs = layer.outputs
    }

    /// The weight drawn at a row and column.
    subscript(row: Int, column: Int) -> Float {
        isTransposed
            ? weights[column * outputs + row] : weights[row * outputs + column]
    }

    /// The matrix fitted into at most `rows × columns` pixels, each axis on
    /// its own: a longer axis is average-pooled over near-equal blocks, a
    /// shorter one has each weight repeated a whole number of times.
    /// Non-finite weights are left out of the averages; a block of nothing
    /// else stays NaN.
    func resampled(rows targetRows: Int, columns targetColumns: Int) -> Pixels {
        // (rows, columns) -> (targetRows', targetColumns'), each ≤ target.
        let rowSpans = Self.spans(source: rows, target: targetRows)
        let columnSpans = Self.spans(source: columns, target: targetColumns)
        var values: [Float] = []
        values.reserveCapacity(rowSpans.count * columnSpans.count)
        for rowSpan in rowSpans {
            for columnSpan in columnSpans {
                var sum: Float = 0
                var count = 0
                for row in rowSpan {
                    for column in columnSpan where self[row, column].isFinite {
                        sum += self[row, column]
                        count += 1
                    }
                }
                values.append(count > 0 ? sum / Float(count) : .nan)
            }
        }
        return Pixels(
            rows: rowSpans.count, columns: columnSpans.count, values: values)
    }

    /// The source indices behind each pixel of one axis.
    static func spans(source: Int, target: Int) -> [Range<Int>] {
        // source indices (n) -> pixels (at most target), each a range
        guard source > 0, target > 0 else { return [] }
        let pixels = source >= target ? target : source * (target / source)
        return (0..<pixels).map { pixel in
            let start = pixel * source / pixels
            return start..<max(start + 1, (pixel + 1) * source / pixels)
        }
    }
}
