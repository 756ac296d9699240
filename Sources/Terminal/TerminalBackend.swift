/// What Descent needs from a terminal: its size, key presses, and a way to
/// show a grid of cells. Only a backend writes to the terminal.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Waits up to `milliseconds` for input; nil when none came. A resize
    /// is reported as `.resized`, a lost terminal as `.closed`.
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput?
    /// Shows a grid, sending only the cells that differ from the last one.
    func present(_ grid: CellGrid)
    /// Gives the terminal back to the shell as it was found.
    func restore()
}

/// Input read from a terminal.
public enum TerminalInput: Sendable, Equatable {
    /// A key press.
    case key(Key)
    /// The window changed size.
    case resized(width: Int, height: Int)
    /// The terminal went away (hang-up); nothing more can be shown.
    case closed
}

/// A run of changed cells on one row, as sent to the terminal.
public struct CellRun: Sendable, Equatable {
    /// Column of the first cell.
    public var x: Int
    /// Row.
    public var y: Int
    /// The cells, left to right.
    public var cells: [Cell]

    /// Creates a run.
    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension CellGrid {
    /// The runs of cells that differ from `previous`; every cell when the
    /// previous frame is missing or of another size.
    public func changes(since previous: CellGrid?) -> [CellRun] {
        let old = previous.flatMap {
            $0.width == width && $0.height == height ? $0 : nil
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let cell = self[x, y]
                guard old == nil || old![x, y] != cell else {
                    x += 1
                    continue
                }
                var run = CellRun(x: x, y: y, cells: [cell])
                x += 1
                while x < width, old == nil || old![x, y] != self[x, y] {
                    run.cells.append(self[x, y])
                    x += 1
                }
                runs.append(run)
            }
        }
        return runs
    }
}
