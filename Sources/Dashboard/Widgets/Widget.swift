import Terminal

/// A piece of the screen that draws itself into a rectangle of a grid.
///
/// A widget is a value built from the data it shows; rendering is pure,
/// paints every cell of `area` (so what lay beneath never shows through)
/// and never touches a cell outside it, whatever its size, 0×0 included.
public protocol Widget {
    /// Draws into `area`, clipped to the grid.
    func render(into grid: inout CellGrid, area: Rect)
}
