import Terminal
import Training

/// The loss over the run: training loss per batch as a smoothed braille
/// line, validation loss per epoch as points, epochs ticked on the step
/// axis, and a vertical marker wherever the learning rate changed.
///
/// Layout, top to bottom: a legend, the plot with its y labels (largest,
/// middle and smallest value shown), the step axis with `┴` ticks at
/// epoch boundaries, and the epoch numbers. Smaller areas drop the legend,
/// then the epoch numbers, then the axes. NaN and infinite losses are
/// skipped; values spanning more than two decades use a log scale.
///
/// The step axis is at least one epoch wide, so the first epoch's curve
/// grows from the left edge and only later compresses. Epoch numbers come
/// every 1, 2 or 5 × 10ⁿ epochs, the smallest such stride at which no two
/// numbers touch; ticks come at the smallest such stride dividing it that
/// keeps them two columns apart. Validation points stay at least three
/// columns apart, the latest kept, so that a long run's points do not
/// bury the training curve under a solid row.
public struct LossChart: Widget {
    /// Training loss per batch, oldest first.
    public var trainingLoss: [SeriesPoint]
    /// Validation loss at the end of each epoch.
    public var validationLoss: [SeriesPoint]
    /// The right end of the step axis (the steps trained so far).
    public var lastStep: Int
    /// Steps per epoch, for the epoch ticks; 0 draws none.
    public var stepsPerEpoch: Int
    /// Steps at which the learning rate changed.
    public var learningRateChanges: [Int]
    /// True while a run opened paused has not trained its first batch; the
    /// empty plot then says how to start it.
    public var isWaitingToStart: Bool
    /// Weight of the running average in the exponential moving average of
    /// the training loss; 0 plots the raw values.
    public var smoothing: Float
    /// Colours.
    public var theme: Theme

    /// The smoothing used unless told otherwise: about the last ten
    /// batches carry most of the weight.
    public static let defaultSmoothing: Float = 0.9

    /// Fewest columns between two validation points.
    public static let validationSpacing = 3

    /// Creates a chart from its series.
    public init(
        trainingLoss: [SeriesPoint], validationLoss: [SeriesPoint] = [],
        lastStep: Int, stepsPerEpoch: Int = 0,
        learningRateChanges: [Int] = [], isWaitingToStart: Bool = false,
        smoothing: Float = defaultSmoothing, theme: Theme = .standard
    ) {
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.lastStep = lastStep
        self.stepsPerEpoch = stepsPerEpoch
        self.learningRateChanges = learningRateChanges
        self.isWaitingToStart = isWaitingToStart
        self.smoothing = smoothing
        self.theme = theme
    }

    /// Creates the chart of a snapshot.
    public init(
        snapshot: Snapshot, smoothing: Float = defaultSmoothing,
        theme: Theme = .standard
    ) {
        self.init(
            trainingLoss: snapshot.trainingLoss,
            validationLoss: snapshot.validationLoss,
            lastStep: snapshot.step, stepsPerEpoch: snapshot.stepsPerEpoch,
            learningRateChanges: snapshot.events.compactMap { event in
                guard case .learningRate = event.kind else { return nil }
                return event.step
            },
            isWaitingToStart: snapshot.isWaitingToStart,
            smoothing: smoothing, theme: theme)
    }

    /// The exponential moving average of the finite points:
    /// `average = factor * average + (1 - factor) * value`, starting at
    /// the first value so the curve does not rise from zero.
    public static func smoothed(
        _ points: [SeriesPoint], factor: Float
    ) -> [SeriesPoint] {
        // points (n) -> averages (one per finite point, at most n)
        var average: Float?
        return points.compactMap { point in
            guard point.value.isFinite else { return nil }
            let next = average.map { factor * $0 + (1 - factor) * point.value }
                ?? point.value
            average = next
            return SeriesPoint(step: point.step, value: next)
        }
    }

    /// Draws the chart.
    public func render(into grid: inout CellGrid, area: Rect) {
        let area = area.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.clear(area, style: theme.text)
        let training = Self.smoothed(trainingLoss, factor: smoothing)
        let validation = validationLoss.filter { $0.value.isFinite }
        let scale = ChartScale(
            values: (training + validation).map { Double($0.value) })
        let labels = yLabels(
            scale: scale, rows: ChartFrame.plotRows(areaHeight: area.height))
        let frame = ChartFrame(
            area: area, labelWidth: labels.map(\.text.count).max() ?? 0)
        let plot = frame.plot
        let canvas = scale.map { curve(training, scale: $0, plot: plot) }
            ?? BrailleCanvas(columns: 0, rows: 0)

        drawAxes(into: &grid, frame: frame, labels: labels)
        drawMarkers(into: &grid, plot: plot)
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                guard let dots = canvas.character(column: column, row: row)
                else { continue }
                grid.put(
                    Cell(dots, style: theme.trainingLoss),
                    x: plot.x + column, y: plot.y + row, clippedTo: plot)
            }
        }
        if let scale {
            drawValidation(validation, into: &grid, scale: scale, plot: plot)
        } else {
            let message = isWaitingToStart
                ? "paused: press space to start or n for one batch"
                : "waiting for the first batch"
            CenteredText([message], style: theme.dim)
                .render(into: &grid, area: plot)
        }
        if let legend = frame.legend {
            legendLine(isLogarithmic: scale?.isLogarithmic ?? false)
                .render(into: &grid, area: legend)
        }
    }

    // MARK: - Mapping steps and values to dots

    // The step axis runs from 0 to the last step, at least one epoch (and
    // one step) wide.
    var stepRange: Int {
        max(1, lastStep, stepsPerEpoch, trainingLoss.last?.step ?? 0,
            validationLoss.last?.step ?? 0)
    }

    private func dotX(step: Int, dotWidth: Int) -> Int {
        let fraction = Double(step) / Double(stepRange)
        return Int((fraction * Double(dotWidth - 1)).rounded())
    }

    private func dotY(value: Double, scale: ChartScale, dotHeight: Int) -> Int {
        let fraction = scale.fractionFromTop(value)
        return Int((fraction * Double(dotHeight - 1)).rounded())
    }

    // The column of a step inside the plot, or nil when off the axis.
    func column(step: Int, plot: Rect) -> Int? {
        guard plot.width > 0, step >= 0, step <= stepRange else { return nil }
        return plot.x + dotX(step: step, dotWidth: plot.width * 2) / 2
    }

    // MARK: - Drawing

    // Points sharing a dot column are averaged, then neighbours joined by
    // straight lines, so a long series costs one line per column.
    private func curve(
        _ points: [SeriesPoint], scale: ChartScale, plot: Rect
    ) -> BrailleCanvas {
        // points (n) -> one averaged height per dot column (plot.width * 2)
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        guard canvas.dotWidth > 0, canvas.dotHeight > 0 else { return canvas }
        var sums = Array(repeating: 0.0, count: canvas.dotWidth)
        var counts = Array(repeating: 0, count: canvas.dotWidth)
        for point in points where point.step >= 0 && point.step <= stepRange {
            let x = dotX(step: point.step, dotWidth: canvas.dotWidth)
            sums[x] += Double(point.value)
            counts[x] += 1
        }
        var previous: (x: Int, y: Int)?
        for x in 0..<canvas.dotWidth where counts[x] > 0 {
            let y = dotY(
                value: sums[x] / Double(counts[x]), scale: scale,
                dotHeight: canvas.dotHeight)
            if let previous {
                canvas.line(fromX: previous.x, y: previous.y, toX: x, y: y)
            } else {
                canvas.plot(x: x, y: y)
            }
            previous = (x, y)
        }
        return canvas
    }

    private func drawMarkers(into grid: inout CellGrid, plot: Rect) {
        for step in learningRateChanges {
            guard let column = column(step: step, plot: plot) else { continue }
            for row in plot.y..<plot.maxY {
                grid.put(
                    Cell("│", style: theme.learningRateMarker),
                    x: column, y: row, clippedTo: plot)
            }
        }
    }

    private func drawValidation(
        _ points: [SeriesPoint], into grid: inout CellGrid,
        scale: ChartScale, plot: Rect
    ) {
        // Walking back from the latest point keeps the newest of a crowd.
        var kept: [(column: Int, point: SeriesPoint)] = []
        for point in points.reversed() {
            guard let column = column(step: point.step, plot: plot) else {
                continue
            }
            if let last = kept.last,
               last.column - column < Self.validationSpacing
            {
                continue
            }
            kept.append((column, point))
        }
        for (column, point) in kept {
            let y = dotY(
                value: Double(point.value), scale: scale,
                dotHeight: plot.height * 4)
            grid.put(
                Cell("•", style: theme.validationLoss),
                x: column, y: plot.y + y / 4, clippedTo: plot)
        }
    }

    private func drawAxes(
        into grid: inout CellGrid, frame: ChartFrame,
        labels: [(row: Int, text: String)]
    ) {
        let plot = frame.plot
        if let gutter = frame.gutter {
            let axisColumn = gutter.maxX - 1
            for row in 0..<plot.height {
                let label = labels.first { $0.row == row }
                grid.put(
                    Cell(label == nil ? "│" : "┤", style: theme.axis),
                    x: axisColumn, y: plot.y + row, clippedTo: gutter)
                if let label {
                    grid.write(
                        label.text, x: axisColumn - label.text.count,
                        y: plot.y + row, style: theme.axis, clippedTo: gutter)
                }
            }
            if let axisRow = frame.axisRow {
                grid.put(
                    Cell("└", style: theme.axis), x: axisColumn, y: axisRow,
                    clippedTo: frame.area)
            }
        }
        guard let axisRow = frame.axisRow else { return }
        let axis = Rect(x: plot.x, y: axisRow, width: plot.width, height: 1)
        for column in axis.x..<axis.maxX {
            grid.put(
                Cell("─", style: theme.axis), x: column, y: axisRow,
                clippedTo: axis)
        }
        let (ticks, labels) = epochAxis(plot: plot)
        for column in ticks {
            grid.put(
                Cell("┴", style: theme.axis), x: column, y: axisRow,
                clippedTo: axis)
        }
        guard let labelRow = frame.tickLabelRow else { return }
        let numbers = Rect(x: plot.x, y: labelRow, width: plot.width, height: 1)
        for label in labels {
            grid.write(
                label.text, x: label.start, y: labelRow, style: theme.axis,
                clippedTo: numbers)
        }
    }

    // Labels for the top, middle and bottom rows, each giving the value at
    // the row's own height: the extremes at the outer dots, the middle
    // label at its row's centre.
    private func yLabels(
        scale: ChartScale?, rows: Int
    ) -> [(row: Int, text: String)] {
        guard let scale, rows > 0 else { return [] }
        let dotHeight = Double(rows * 4 - 1)
        var labels = [(row: 0, text: NumberFormat.compact(scale.value(
            atFractionFromTop: 0)))]
        if rows >= 3 {
            let middle = (rows - 1) / 2
            let centre = (Double(middle * 4) + 1.5) / dotHeight
            labels.append((middle, NumberFormat.compact(
                scale.value(atFractionFromTop: centre))))
        }
        if rows >= 2 {
            labels.append((rows - 1, NumberFormat.compact(
                scale.value(atFractionFromTop: 1))))
        }
        return labels
    }

    private func legendLine(isLogarithmic: Bool) -> SpanLine {
        let lossName = smoothing > 0
            ? "loss (EMA \(NumberFormat.factor(smoothing)))" : "loss"
        var items: [[SpanLine.Span]] = [
            [.init(text: "⣀ ", style: theme.trainingLoss),
             .init(text: lossName, style: theme.dim)],
            [.init(text: "• ", style: theme.validationLoss),
             .init(text: "val loss", style: theme.dim)],
            [.init(text: "│ ", style: theme.learningRateMarker),
             .init(text: "lr change", style: theme.dim)],
            [.init(text: "┴ ", style: theme.axis),
             .init(text: "epoch", style: theme.dim)],
        ]
        if isLogarithmic {
            items.append([.init(text: "log scale", style: theme.dim)])
        }
        return SpanLine(items: items)
    }
}
