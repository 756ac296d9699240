import Terminal
import Training

/// Every colour the dashboard uses, in one place, so a new look is a new
/// value rather than an edit across the widgets.
public struct Theme: Sendable, Equatable {
    /// Ordinary text.
    public var text: Style
    /// Labels and other text that should recede.
    public var dim: Style
    /// Widget titles.
    public var heading: Style
    /// The title bar across the top row.
    public var titleBar: Style
    /// Key names in the hints and the help.
    public var key: Style
    /// Chart axes, ticks and tick labels.
    public var axis: Style
    /// The smoothed training loss curve.
    public var trainingLoss: Style
    /// Validation loss points.
    public var validationLoss: Style
    /// Markers where the learning rate changed.
    public var learningRateMarker: Style
    /// Messages from the session, such as why it paused itself.
    public var warning: Style
    /// The state label while training.
    public var running: Style
    /// The state label while paused.
    public var paused: Style
    /// The state label after the loss stopped being finite.
    public var diverged: Style
    /// The state label once the run has ended.
    public var finished: Style
    /// Diverging weight colours from most negative to most positive; an odd
    /// count, with the colour for zero in the middle.
    public var heatmapScale: [TerminalColor]
    /// Weights that are NaN or infinite.
    public var heatmapNonFinite: TerminalColor

    /// Creates a theme.
    public init(
        text: Style, dim: Style, heading: Style, titleBar: Style, key: Style,
        axis: Style, trainingLoss: Style, validationLoss: Style,
        learningRateMarker: Style, warning: Style, running: Style,
        paused: Style, diverged: Style, finished: Style,
        heatmapScale: [TerminalColor], heatmapNonFinite: TerminalColor
    ) {
        precondition(
            heatmapScale.count % 2 == 1,
            "heatmapScale needs an odd count so that zero has a colour")
        self.text = text
        self.dim = dim
        self.heading = heading
        self.titleBar = titleBar
        self.key = key
        self.axis = axis
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.learningRateMarker = learningRateMarker
        self.warning = warning
        self.running = running
        self.paused = paused
        self.diverged = diverged
        self.finished = finished
        self.heatmapScale = heatmapScale
        self.heatmapNonFinite = heatmapNonFinite
    }

    /// The style that names a run state.
    public func style(for state: RunState) -> Style {
        switch state {
        case .running: running
        case .paused: paused
        case .diverged: diverged
        case .finished: finished
        }
    }

    /// The default look, for dark and light terminals alike: colours are
    /// drawn on the terminal's own background.
    public static let standard = Theme(
        text: .plain,
        dim: Style(foreground: .palette(245)),
        heading: Style(bold: true),
        titleBar: Style(
            foreground: .palette(231), background: .palette(24), bold: true),
        key: Style(foreground: .palette(75), bold: true),
        axis: Style(foreground: .palette(244)),
        trainingLoss: Style(foreground: .rgb(95, 215, 255)),
        validationLoss: Style(foreground: .rgb(255, 175, 0), bold: true),
        learningRateMarker: Style(foreground: .rgb(215, 95, 255)),
        warning: Style(foreground: .rgb(255, 95, 95), bold: true),
        running: Style(foreground: .rgb(95, 215, 95), bold: true),
        paused: Style(foreground: .rgb(255, 215, 0), bold: true),
        diverged: Style(foreground: .rgb(255, 95, 95), bold: true),
        finished: Style(foreground: .rgb(95, 175, 255), bold: true),
        // Blue for negative and red for positive, darkest near zero so
        // that the many small weights stay quiet on a dark screen; six
        // levels per channel is all the 256-colour cube gives.
        heatmapScale: [
            .rgb(95, 175, 255), .rgb(0, 135, 255), .rgb(0, 95, 215),
            .rgb(0, 0, 175), .rgb(0, 0, 135), .palette(236),
            .rgb(135, 0, 0), .rgb(175, 0, 0), .rgb(215, 0, 0),
            .rgb(255, 0, 0), .rgb(255, 95, 95),
        ],
        heatmapNonFinite: .rgb(255, 255, 0))
}
