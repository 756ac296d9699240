import Foundation

extension Network {
    /// Mean loss and number of correct predictions over a whole set of
    /// class labels, evaluated in chunks of maxBatch rows (dropout off, no
    /// gradients).
    ///
    /// For softmax cross-entropy (label smoothing included in the loss, as
    /// PyTorch's criterion reports it) and binary cross-entropy (labels 0
    /// or 1; a row counts as 1 when σ(z) >= 0.5). An empty set gives a
    /// loss of 0 and no correct predictions.
    public func evaluate(
        inputs: [Float], labels: [Int32]
    ) -> (loss: Float, correct: Int) {
        // inputs is (rows, inputSize), labels is (rows).
        precondition(
            loss.takesLabels,
            "\(loss.name) compares with Float targets; call "
                + "evaluateRegression(inputs:targets:)")
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
                    total += chunkLoss(logits, labels: chunkLabels, rows: rows)
                    for row in 0..<rows
                    where predictedClass(logits, row: row)
                        == Int(chunkLabels[row])
                    {
                        correct += 1
                    }
                }
            }
        }
        return (Float(total / Double(labels.count)), correct)
    }

    /// Mean squared error, its root and the coefficient of determination
    /// R² over a whole set of Float targets (rows × outputSize), dropout
    /// off.
    ///
    /// R² is 1 - Σ(y - t)² / Σ(t - mean t)² per output, averaged over the
    /// outputs (scikit-learn's `uniform_average`); an output whose targets
    /// are all equal counts 1 when predicted exactly and 0 otherwise. An
    /// empty set gives zeros.
    public func evaluateRegression(
        inputs: [Float], targets: [Float]
    ) -> (loss: Float, rootMeanSquaredError: Float, rSquared: Float) {
        // inputs is (rows, inputSize), targets is (rows, outputSize).
        precondition(
            loss == .meanSquaredError,
            "\(loss.name) is not a regression loss; call "
                + "evaluate(inputs:labels:)")
        precondition(
            inputs.count % inputSize == 0
                && targets.count == inputs.count / inputSize * outputSize,
            "\(inputs.count) input values and \(targets.count) targets do "
                + "not make whole rows of \(inputSize) features and "
                + "\(outputSize) targets")
        let rowCount = inputs.count / inputSize
        guard rowCount > 0 else { return (0, 0, 0) }
        var squaredError = [Double](repeating: 0, count: outputSize)
        var sum = [Double](repeating: 0, count: outputSize)
        var sumOfSquares = [Double](repeating: 0, count: outputSize)
        inputs.withUnsafeBufferPointer { x in
            forEachChunk(of: x, rows: rowCount) { start, rows, outputs in
                for row in 0..<rows {
                    for unit in 0..<outputSize {
                        let target = Double(
                            targets[(start + row) * outputSize + unit])
                        let error =
                            Double(outputs[row * outputSize + unit]) - target
                        squaredError[unit] += error * error
                        sum[unit] += target
                        sumOfSquares[unit] += target * target
                    }
                }
            }
        }
        let rows = Double(rowCount)
        var rSquared = 0.0
        for unit in 0..<outputSize {
            let spread = sumOfSquares[unit] - sum[unit] * sum[unit] / rows
            if spread > 0 {
                rSquared += 1 - squaredError[unit] / spread
            } else {
                rSquared += squaredError[unit] == 0 ? 1 : 0
            }
        }
        let meanSquared =
            squaredError.reduce(0, +) / (rows * Double(outputSize))
        return (
            Float(meanSquared), Float(meanSquared.squareRoot()),
            Float(rSquared / Double(outputSize)))
    }

    /// Predicted class per row: for softmax cross-entropy the index of the
    /// largest logit (the first one on a tie), for binary cross-entropy 1
    /// when σ(z) >= 0.5 and 0 otherwise.
    public func predict(inputs: [Float]) -> [Int] {
        // inputs is (rows, inputSize).
        precondition(
            loss.takesLabels,
            "\(loss.name) predicts values, not classes; call "
                + "outputs(inputs:)")
        let rowCount = wholeRows(inputs)
        var classes: [Int] = []
        classes.reserveCapacity(rowCount)
        inputs.withUnsafeBufferPointer { x in
            forEachChunk(of: x, rows: rowCount) { _, rows, logits in
                for row in 0..<rows {
                    classes.append(predictedClass(logits, row: row))
                }
            }
        }
        return classes
    }

    /// What the network outputs per row (rows × outputSize), dropout off:
    /// softmax probabilities for softmax cross-entropy, σ(z) for binary
    /// cross-entropy, the values themselves for regression.
    public func outputs(inputs: [Float]) -> [Float] {
        // inputs is (rows, inputSize); the result is (rows, outputSize).
        let rowCount = wholeRows(inputs)
        var result: [Float] = []
        result.reserveCapacity(rowCount * outputSize)
        inputs.withUnsafeBufferPointer { x in
            forEachChunk(of: x, rows: rowCount) { _, rows, values in
                for row in 0..<rows {
                    let start = row * outputSize
                    let rowValues = values[start..<(start + outputSize)]
                    switch loss {
                    case .softmaxCrossEntropy:
                        let largest = rowValues.max()!
                        let shifted = rowValues.map { exp($0 - largest) }
                        let sum = shifted.reduce(0, +)
                        result.append(contentsOf: shifted.map { $0 / sum })
                    case .binaryCrossEntropy:
                        result.append(
                            contentsOf: rowValues.map(Activation.sigmoid))
                    case .meanSquaredError:
                        result.append(contentsOf: rowValues)
                    }
                }
            }
        }
        return result
    }

    // The summed loss of one chunk against class labels.
    private func chunkLoss(
        _ logits: UnsafeBufferPointer<Float>,
        labels: UnsafeBufferPointer<Int32>, rows: Int
    ) -> Double {
        switch loss {
        case .softmaxCrossEntropy(let smoothing):
            SoftmaxCrossEntropy.loss(
                logits: logits, labels: labels, rows: rows,
                classes: outputSize, labelSmoothing: smoothing)
        case .binaryCrossEntropy:
            BinaryCrossEntropy.loss(logits: logits, labels: labels, rows: rows)
        case .meanSquaredError:
            preconditionFailure("mean squared error takes targets")
        }
    }

    private func wholeRows(_ inputs: [Float]) -> Int {
        precondition(
            inputs.count % inputSize == 0,
            "\(inputs.count) input values is not a whole number of rows of "
                + "\(inputSize) features")
        return inputs.count / inputSize
    }

    // Runs the forward pass (dropout off) over `rows` rows in chunks of
    // maxBatch and hands each chunk's outputs (chunk rows, outputSize) to
    // `body`.
    private func forEachChunk(
        of inputs: UnsafeBufferPointer<Float>, rows: Int,
        _ body: (_ start: Int, _ rows: Int, UnsafeBufferPointer<Float>) -> Void
    ) {
        var start = 0
        while start < rows {
            let count = min(maxBatch, rows - start)
            let chunk = inputs.rows(start..<(start + count), width: inputSize)
            forward(chunk, count: count, training: false)
            let logits = layers[layers.count - 1].output
            body(
                start, count,
                UnsafeBufferPointer(
                    logits.prefix(rows: count, width: outputSize)))
            start += count
        }
    }

    private func predictedClass(
        _ logits: UnsafeBufferPointer<Float>, row: Int
    ) -> Int {
        if loss == .binaryCrossEntropy { return logits[row] >= 0 ? 1 : 0 }
        let start = row * outputSize
        var best = 0
        for j in 1..<outputSize where logits[start + j] > logits[start + best] {
            best = j
        }
        return best
    }
}
