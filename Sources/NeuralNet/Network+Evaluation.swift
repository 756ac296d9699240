extension Network {
    /// Mean loss and number of correct predictions over a whole set,
    /// evaluated in chunks of maxBatch rows (no gradients).
    ///
    /// An empty set gives a loss of 0 and no correct predictions.
    public func evaluate(
        inputs: [Float], labels: [Int32]
    ) -> (loss: Float, correct: Int) {
        // inputs is (rows, inputSize), labels is (rows).
        precondition(
            inputs.count == labels.count * inputSize,
            "\(inputs.count) input values for \(labels.count) labels of "
                + "\(inputSize) features; give one label per row")
        guard !labels.isEmpty else { return (0, 0) }
        var total: Double = 0
        var correct = 0
        inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                forEachChunk(of: x, rows: y.count) { start, rows, logits in
                    let chunkLabels = y.rows(start..<(start + rows), width: 1)
                    total += SoftmaxCrossEntropy.loss(
                        logits: logits, labels: chunkLabels, rows: rows,
                        classes: outputSize)
                    for row in 0..<rows
                    where argmax(logits, row: row) == Int(chunkLabels[row]) {
                        correct += 1
                    }
                }
            }
        }
        return (Float(total / Double(labels.count)), correct)
    }

    /// Predicted class per row: the index of the largest logit (the first
    /// one on a tie).
    public func predict(inputs: [Float]) -> [Int] {
        // inputs is (rows, inputSize).
        precondition(
            inputs.count % inputSize == 0,
            "\(inputs.count) input values is not a whole number of rows of "
                + "\(inputSize) features")
        let rowCount = inputs.count / inputSize
        var classes: [Int] = []
        classes.reserveCapacity(rowCount)
        inputs.withUnsafeBufferPointer { x in
            forEachChunk(of: x, rows: rowCount) { _, rows, logits in
                for row in 0..<rows {
                    classes.append(argmax(logits, row: row))
                }
            }
        }
        return classes
    }

    // Runs the forward pass over `rows` rows in chunks of maxBatch and
    // hands each chunk's logits (chunk rows, outputSize) to `body`.
    private func forEachChunk(
        of inputs: UnsafeBufferPointer<Float>, rows: Int,
        _ body: (_ start: Int, _ rows: Int, UnsafeBufferPointer<Float>) -> Void
    ) {
        var start = 0
        while start < rows {
            let count = min(maxBatch, rows - start)
            let chunk = inputs.rows(start..<(start + count), width: inputSize)
            forward(chunk, count: count)
            let logits = layers[layers.count - 1].output
            body(
                start, count,
                UnsafeBufferPointer(
                    logits.prefix(rows: count, width: outputSize)))
            start += count
        }
    }

    private func argmax(_ logits: UnsafeBufferPointer<Float>, row: Int) -> Int {
        let start = row * outputSize
        var best = 0
        for j in 1..<outputSize where logits[start + j] > logits[start + best] {
            best = j
        }
        return best
    }
}
