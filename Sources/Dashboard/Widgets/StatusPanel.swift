import Terminal
import Training

/// The run in numbers: state, hyperparameters, progress, speed, time,
/// accuracies and the selected layer's gradient and update norms. One
/// fact per line, most urgent first, so a short area still shows what
/// matters; lines are cut at the right edge.
///
/// The data set and model are left to the title bar, and the layer's name
/// to the heatmap's title beside the panel, so no row repeats them. Speed
/// and time left are measured while training, so any other state shows
/// them as `–` rather than the last, stale values. Every measured or set
/// number has three significant digits, in one style.
public struct StatusPanel: Widget {
    /// The run.
    public var snapshot: Snapshot
    /// The layer whose norms are shown, 0-based.
    public var selectedLayer: Int
    /// The factor the `+` and `-` keys scale the learning rate by.
    public var learningRateFactor: Float
    /// Colours.
    public var theme: Theme

    /// Width of the label column.
    static let labelWidth = 9

    /// Most lines the session's message may take.
    static let messageLines = 3

    /// Creates a panel.
    public init(
        snapshot: Snapshot, selectedLayer: Int, learningRateFactor: Float,
        theme: Theme = .standard
    ) {
        self.snapshot = snapshot
        self.selectedLayer = selectedLayer
        self.learningRateFactor = learningRateFactor
        self.theme = theme
    }

    /// Draws one line per row from the top of the area.
    public func render(into grid: inout CellGrid, area: Rect) {
        let area = area.intersection(grid.bounds)
        grid.clear(area, style: theme.text)
        for (row, line) in lines(width: area.width).prefix(area.height)
            .enumerated()
        {
            var column = area.x
            for span in line {
                column += grid.write(
                    span.text, x: column, y: area.y + row, style: span.style,
                    clippedTo: area)
            }
        }
    }

    // MARK: - Lines

    private typealias Line = [SpanLine.Span]

    private func lines(width: Int) -> [Line] {
        let run = snapshot
        let parameters = run.hyperparameters
        var lines: [Line] = [
            labelled("state", [
                text(run.state.label, theme.style(for: run.state)),
            ]),
        ]
        if let message = run.message, width > 0 {
            lines += CenteredText.wrap(message, width: width)
                .prefix(Self.messageLines)
                .map { [text($0, theme.warning)] }
        }
        lines += [
            labelled("epoch", [
                value("\(run.epoch)/\(run.totalEpochs)"), label("  step "),
                value("\(run.step)"),
            ]),
            labelled("lr", [
                value(NumberFormat.significant(
                    Double(parameters.learningRate))),
                label("  +/- ×\(NumberFormat.factor(learningRateFactor))"),
            ]),
            parameters.optimizer == "sgd"
                ? labelled("momentum", [
                    value(NumberFormat.significant(
                        Double(parameters.momentum))),
                    label("  batch "), value("\(parameters.batchSize)"),
                ])
                : labelled("optim", [
                    value(parameters.optimizer),
                    label("  batch "), value("\(parameters.batchSize)"),
                ]),
            labelled("speed", speedSpans),
            labelled("elapsed", timeSpans),
            regressionSpans.map { labelled("val r2", $0) }
                ?? labelled("val acc", validationSpans),
        ]
        if let rmse = run.testRMSE, let r2 = run.testR2 {
            lines.append(labelled("test r2", [
                value(NumberFormat.significant(Double(r2))),
                label("  rmse "), value(NumberFormat.significant(Double(rmse))),
            ]))
        }
        if let accuracy = run.testAccuracy {
            var spans = [value(NumberFormat.percent(accuracy))]
            if let loss = run.testLoss {
                spans += [label("  loss "),
                          value(NumberFormat.significant(Double(loss)))]
            }
            lines.append(labelled("test acc", spans))
        }
        if run.layers.indices.contains(selectedLayer) {
            let layer = run.layers[selectedLayer]
            lines += [
                labelled("grad", [
                    value(NumberFormat.significant(
                        Double(layer.gradientNorm))),
                    label("  layer \(selectedLayer + 1)"),
                ]),
                labelled("update", [
                    value(NumberFormat.significant(
                        Double(layer.updateNorm))),
                ]),
            ]
        }
        return lines
    }

    private var speedSpans: Line {
        guard snapshot.state == .running else {
            return [value(NumberFormat.missing)]
        }
        return [value(NumberFormat.rate(snapshot.samplesPerSecond)),
                label(" samples/s")]
    }

    // A finished run has no time left to show at all.
    private var timeSpans: Line {
        var spans = [value(NumberFormat.duration(snapshot.elapsedSeconds))]
        guard snapshot.state != .finished else { return spans }
        let eta = snapshot.state == .running
            ? snapshot.etaSeconds.map(NumberFormat.duration) : nil
        spans += [label("  eta "), value(eta ?? NumberFormat.missing)]
        return spans
    }

    /// R² and RMSE of the last epoch, for a regression run.
    private var regressionSpans: Line? {
        guard let last = snapshot.epochSummaries.last,
            let r2 = last.validationR2, let rmse = last.validationRMSE
        else { return nil }
        return [value(NumberFormat.significant(Double(r2))),
                label("  rmse "), value(NumberFormat.significant(Double(rmse)))]
    }

    private var validationSpans: Line {
        let accuracies = snapshot.validationAccuracy.map(\.value)
            .filter(\.isFinite)
        guard let last = accuracies.last, let best = accuracies.max() else {
            return [value(NumberFormat.missing)]
        }
        return [value(NumberFormat.percent(last)), label("  best "),
                value(NumberFormat.percent(best))]
    }

    private func labelled(_ name: String, _ spans: Line) -> Line {
        [label((name + " ").padding(to: Self.labelWidth))] + spans
    }

    private func label(_ string: String) -> SpanLine.Span {
        text(string, theme.dim)
    }

    private func value(_ string: String) -> SpanLine.Span {
        text(string, theme.text)
    }

    private func text(_ string: String, _ style: Style) -> SpanLine.Span {
        SpanLine.Span(text: string, style: style)
    }
}
