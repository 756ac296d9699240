import Terminal

// Where the epoch ticks and numbers go on the step axis.
extension LossChart {
    // 1, 2, 5, 10, 20, 50, ... up to a limit.
    private static func niceStrides(through limit: Int) -> [Int] {
        var strides: [Int] = []
        var decade = 1
        while decade <= limit {
            strides += [decade, 2 * decade, 5 * decade].filter { $0 <= limit }
            decade *= 10
        }
        return strides
    }

    // The columns of the ticks and where each epoch number starts.
    func epochAxis(
        plot: Rect
    ) -> (ticks: [Int], labels: [(start: Int, text: String)]) {
        guard stepsPerEpoch > 0, plot.width > 0 else { return ([], []) }
        let epochs = stepRange / stepsPerEpoch
        let strides = Self.niceStrides(through: epochs)
        var labelStride: Int?
        var labels: [(start: Int, text: String)] = []
        for stride in strides {
            if let fitting = epochLabels(every: stride, epochs: epochs,
                                         plot: plot) {
                labelStride = stride
                labels = fitting
                break
            }
        }
        // Ticks divide the numbers' stride, or without numbers any stride.
        let tickStrides = strides.filter { stride in
            labelStride.map { $0 % stride == 0 } ?? true
        }
        for stride in tickStrides {
            if let columns = tickColumns(
                every: stride, epochs: epochs, plot: plot)
            {
                return (columns, labels)
            }
        }
        return ([], labels)
    }

    // Columns of the ticks every `stride` epochs, or nil when two would
    // come closer than two columns.
    private func tickColumns(every stride: Int, epochs: Int, plot: Rect)
        -> [Int]?
    {
        // Cheap refusal first, so a long run tries only a few strides.
        guard 2 * (epochs / stride) <= plot.width + 1 else { return nil }
        var columns: [Int] = []
        for epoch in Swift.stride(from: stride, through: epochs, by: stride) {
            guard let column = column(step: epoch * stepsPerEpoch, plot: plot)
            else { continue }
            if let last = columns.last, column - last < 2 { return nil }
            columns.append(column)
        }
        return columns
    }

    // Numbers every `stride` epochs, each starting at its tick (the last
    // pulled left to fit), or nil when two would touch or one would not
    // fit.
    private func epochLabels(every stride: Int, epochs: Int, plot: Rect)
        -> [(start: Int, text: String)]?
    {
        guard 2 * (epochs / stride) <= plot.width + 1 else { return nil }
        var labels: [(start: Int, text: String)] = []
        var end = plot.x - 1
        for epoch in Swift.stride(from: stride, through: epochs, by: stride) {
            guard let column = column(step: epoch * stepsPerEpoch, plot: plot)
            else { continue }
            let text = String(epoch)
            let start = min(column, plot.maxX - text.count)
            guard start > end, start >= plot.x else { return nil }
            labels.append((start, text))
            end = start + text.count
        }
        return labels
    }
}
