import Dashboard
import Terminal
import Testing
import Training

@Suite struct SmallWidgetTests {
    @Test func theTitleBarPutsTheStateOnTheRight() {
        let bar = TitleBar(snapshot: makeSnapshot(state: .paused))
        let grid = draw(
            bar, gridWidth: 42, gridHeight: 2,
            area: Rect(x: 1, y: 0, width: 40, height: 2))
        #expect(grid.lines == [
            "· descent  digits · 64-32-10 relu PAUSED ·",
            "··········································",
        ])
        #expect(grid[34, 0].foreground == Theme.standard.paused.foreground)
        #expect(grid[34, 0].background == Theme.standard.titleBar.background)
    }

    @Test func theTitleBarDropsTheStateWhenThereIsNoRoom() {
        let bar = TitleBar(snapshot: makeSnapshot(state: .paused))
        let grid = draw(
            bar, gridWidth: 30, gridHeight: 1,
            area: Rect(x: 0, y: 0, width: 30, height: 1))
        #expect(grid.lines == [" descent  digits · 64-32-10 re"])
    }

    @Test func centredTextWrapsAtSpaces() {
        let text = CenteredText(["one two three"])
        let grid = draw(
            text, gridWidth: 9, gridHeight: 5,
            area: Rect(x: 1, y: 1, width: 7, height: 3))
        #expect(grid.lines == [
            "·········",
            "·one two·",
            "· three ·",
            "·       ·",
            "·········",
        ])
    }

    @Test func helpListsEveryKeyInAFrame() {
        let help = HelpOverlay(learningRateFactor: 3)
        let grid = draw(
            help, gridWidth: 40, gridHeight: 11,
            area: Rect(x: 0, y: 0, width: 40, height: 11))
        // 38 columns centred in 40.
        #expect(grid.lines[0] == "·┌─ keys ─────────────────────────────┐·")
        #expect(grid.lines[1] == "·│                                    │·")
        #expect(grid.lines[4] == "·│ + =    learning rate ×3            │·")
        #expect(grid.lines[10] == "·└────────────────────────────────────┘·")
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5])
    func everyWidgetStaysInsideTinyAreas(size: Int) {
        for widget in allWidgets {
            for (width, height) in [(size, size), (size, 1), (1, size)] {
                let area = Rect(x: 1, y: 1, width: width, height: height)
                var grid = placeholderGrid(width: size + 2, height: size + 2)
                widget.render(into: &grid, area: area)
                #expect(onlyInside(area, of: grid), "\(type(of: widget))")
            }
        }
    }

    @Test func everyWidgetClipsAnAreaHangingOffTheGrid() {
        for widget in allWidgets {
            var grid = placeholderGrid(width: 5, height: 4)
            widget.render(
                into: &grid, area: Rect(x: -3, y: -2, width: 30, height: 20))
            #expect(grid.width == 5 && grid.height == 4)
        }
    }

    private var allWidgets: [any Widget] {
        let snapshot = makeSnapshot(message: "a message to wrap")
        return [
            TitleBar(snapshot: snapshot), TitleBar(snapshot: nil),
            CenteredText(["some words to wrap"]),
            HelpOverlay(learningRateFactor: 2),
            KeyHints(state: .running, learningRateFactor: 2),
            StatusPanel(
                snapshot: snapshot, selectedLayer: 0, learningRateFactor: 2),
            Heatmap(layer: snapshot.layers[0], index: 0, count: 2),
            LossChart(snapshot: snapshot),
            LossChart(trainingLoss: [], lastStep: 0),
        ]
    }
}
