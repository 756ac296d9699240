import Dashboard
import Terminal
import Training

/// The character test grids start filled with, so drawing outside a
/// widget's area shows up in the expected lines.
let placeholder: Character = "·"

/// A grid of placeholders.
func placeholderGrid(width: Int, height: Int) -> CellGrid {
    CellGrid(width: width, height: height, fill: Cell(placeholder))
}

/// Renders a widget into a placeholder grid and returns the grid.
func draw(
    _ widget: some Widget, gridWidth: Int, gridHeight: Int, area: Rect
) -> CellGrid {
    var grid = placeholderGrid(width: gridWidth, height: gridHeight)
    widget.render(into: &grid, area: area)
    return grid
}

/// True when every cell outside `area` is still a placeholder.
func onlyInside(_ area: Rect, of grid: CellGrid) -> Bool {
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            let inside = x >= area.x && x < area.x + area.width
                && y >= area.y && y < area.y + area.height
            if !inside && grid[x, y] != Cell(placeholder) { return false }
        }
    }
    return true
}

/// The columns of a row holding a character.
func columns(of character: Character, row: Int, in grid: CellGrid) -> [Int] {
    (0..<grid.width).filter { grid[$0, row].character == character }
}

/// A dense layer for tests.
func makeLayer(
    name: String = "dense 1  3→2 relu", inputs: Int = 3, outputs: Int = 2,
    weights: [Float]? = nil, gradientNorm: Float = 0.0125,
    updateNorm: Float = 0.00025
) -> LayerView {
    LayerView(
        name: name, inputs: inputs, outputs: outputs,
        weights: weights
            ?? (0..<(inputs * outputs)).map { Float($0) / 10 - 0.2 },
        gradientNorm: gradientNorm, updateNorm: updateNorm)
}

/// A snapshot with plausible defaults; tests override what they check.
func makeSnapshot(
    state: RunState = .running, epoch: Int = 2, totalEpochs: Int = 5,
    step: Int = 150, stepsPerEpoch: Int = 100,
    learningRate: Float = 0.05, momentum: Float = 0.9, batchSize: Int = 64,
    trainingLoss: [SeriesPoint]? = nil, validationLoss: [SeriesPoint] = [],
    validationAccuracy: [SeriesPoint] = [],
    samplesPerSecond: Double = 61_234, elapsedSeconds: Double = 65,
    layers: [LayerView]? = nil, events: [TrainingEvent] = [],
    testAccuracy: Float? = nil, testLoss: Float? = nil,
    message: String? = nil
) -> Snapshot {
    Snapshot(
        datasetName: "digits", modelDescription: "64-32-10 relu",
        state: state, epoch: epoch, totalEpochs: totalEpochs, step: step,
        stepsPerEpoch: stepsPerEpoch,
        hyperparameters: Hyperparameters(
            learningRate: learningRate, momentum: momentum,
            batchSize: batchSize),
        trainingLoss: trainingLoss
            ?? (1...step).map { SeriesPoint(step: $0, value: 2 / Float($0)) },
        validationLoss: validationLoss,
        validationAccuracy: validationAccuracy,
        samplesPerSecond: samplesPerSecond, elapsedSeconds: elapsedSeconds,
        layers: layers ?? [
            makeLayer(name: "dense 1  64→32 relu", inputs: 64, outputs: 32,
                      weights: (0..<2048).map { Float($0 % 7) - 3 }),
            makeLayer(name: "dense 2  32→10", inputs: 32, outputs: 10,
                      weights: (0..<320).map { Float($0 % 5) - 2 }),
        ],
        events: events, testAccuracy: testAccuracy, testLoss: testLoss,
        message: message)
}
