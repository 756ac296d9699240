@testable import Dashboard
import Terminal
import Testing
import Training

// The standard theme's scale, as palette numbers of the 6×6×6 cube.
private let strongestNegative = TerminalColor.palette(75)   // 95,175,255
private let neutral = TerminalColor.palette(236)
private let halfPositive = TerminalColor.palette(160)       // 215,0,0
private let strongestPositive = TerminalColor.palette(203)  // 255,95,95

@Suite struct HeatmapTests {
    @Test func cellsCarryTheUpperPixelInFrontAndTheLowerBehind() {
        // Rows are inputs: row 0 is (-1, 1), row 1 is (0, 0.5); each of the
        // two columns is repeated twelve times to fill 24 columns.
        let layer = makeLayer(
            name: "w", inputs: 2, outputs: 2, weights: [-1, 1, 0, 0.5])
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let area = Rect(x: 1, y: 1, width: 24, height: 3)
        let grid = draw(heatmap, gridWidth: 26, gridHeight: 5, area: area)
        #expect(grid.lines == [
            "··························",
            "·w  [1/1]                ·",
            "·▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀·",
            "·-1.00 ███████████ +1.00 ·",
            "··························",
        ])
        for x in 1...12 {
            #expect(grid[x, 2].foreground == strongestNegative)
            #expect(grid[x, 2].background == neutral)
        }
        for x in 13...24 {
            #expect(grid[x, 2].foreground == strongestPositive)
            #expect(grid[x, 2].background == halfPositive)
        }
        // The legend's bar holds the theme's eleven colours in order.
        let bar = (7...17).map { grid[$0, 3].foreground }
        #expect(bar == Theme.standard.heatmapScale)
        #expect(grid[1, 3].foreground == Theme.standard.dim.foreground)
    }

    @Test func largeMatricesAreAveragedOverBlocks() {
        // One row of four weights into two columns: (-1, -1) and (1, 0).
        let layer = makeLayer(
            name: "w", inputs: 1, outputs: 4, weights: [-1, -1, 1, 0])
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let area = Rect(x: 0, y: 0, width: 2, height: 2)
        let grid = draw(heatmap, gridWidth: 2, gridHeight: 2, area: area)
        #expect(grid.lines == ["w ", "▀▀"])
        #expect(grid[0, 1].foreground == strongestNegative)
        #expect(grid[0, 1].background == strongestNegative)
        #expect(grid[1, 1].foreground == halfPositive)
        #expect(grid[1, 1].background == halfPositive)
    }

    @Test func blocksSplitEachAxisEvenly() {
        #expect(WeightMatrix.spans(source: 10, target: 3)
            == [0..<3, 3..<6, 6..<10])
        #expect(WeightMatrix.spans(source: 3, target: 7)
            == [0..<1, 0..<1, 1..<2, 1..<2, 2..<3, 2..<3])
        #expect(WeightMatrix.spans(source: 4, target: 4)
            == [0..<1, 1..<2, 2..<3, 3..<4])
        #expect(WeightMatrix.spans(source: 5, target: 0) == [])
    }

    @Test func layersWithMoreInputsThanOutputsLieOnTheirSide() {
        // 3 inputs × 1 output becomes one row of three weights.
        let layer = makeLayer(
            name: "w", inputs: 3, outputs: 1, weights: [1, 0, -1])
        let heatmap = Heatmap(layer: layer, index: 1, count: 2)
        let area = Rect(x: 0, y: 0, width: 40, height: 3)
        let grid = draw(heatmap, gridWidth: 40, gridHeight: 3, area: area)
        #expect(grid.lines[0] == "w  [2/2]" + String(repeating: " ", count: 32))
        #expect(grid.lines[2]
            == "-1.00 ███████████ +1.00  rows: outputs  ")
        #expect(grid[0, 1].foreground == strongestPositive)
        #expect(grid[13, 1].foreground == neutral)
        #expect(grid[26, 1].foreground == strongestNegative)
        // 39 pixel columns: the last column has no weight left to show.
        #expect(grid[39, 1] == Cell(" "))
    }

    @Test func anOddPixelRowLeavesTheLowerHalfEmpty() {
        // 3 inputs × 4 outputs in two cell rows (four pixel rows): the
        // three rows of weights fit once, in three pixel rows.
        let layer = makeLayer(
            name: "w", inputs: 3, outputs: 4,
            weights: [1, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1, -1])
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let grid = draw(
            heatmap, gridWidth: 4, gridHeight: 4,
            area: Rect(x: 0, y: 0, width: 4, height: 4))
        #expect(grid[0, 1].foreground == strongestPositive)
        #expect(grid[0, 1].background == neutral)
        #expect(grid[0, 2].foreground == strongestNegative)
        #expect(grid[0, 2].background == .standard)
    }

    @Test func nonFiniteWeightsGetTheirOwnColour() {
        let layer = makeLayer(
            name: "w", inputs: 1, outputs: 2, weights: [.nan, 1])
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let grid = draw(
            heatmap, gridWidth: 2, gridHeight: 2,
            area: Rect(x: 0, y: 0, width: 2, height: 2))
        #expect(grid[0, 1].foreground == Theme.standard.heatmapNonFinite)
        #expect(grid[1, 1].foreground == strongestPositive)
    }

    @Test func theColourLimitComesFromTheRawWeightsWhateverTheSize() {
        // One input, 64 outputs alternating +1 and -1: at 64 columns each
        // weight shows in full, at 32 each cell averages a pair to 0, yet
        // both read ±1.
        let layer = makeLayer(
            name: "w", inputs: 1, outputs: 64,
            weights: (0..<64).map { $0 % 2 == 0 ? 1 : -1 })
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let wide = draw(
            heatmap, gridWidth: 64, gridHeight: 3,
            area: Rect(x: 0, y: 0, width: 64, height: 3))
        let narrow = draw(
            heatmap, gridWidth: 32, gridHeight: 3,
            area: Rect(x: 0, y: 0, width: 32, height: 3))
        #expect(wide.lines[2].hasPrefix("-1.00 ███████████ +1.00 "))
        #expect(narrow.lines[2].hasPrefix("-1.00 ███████████ +1.00 "))
        #expect(wide[0, 1].foreground == strongestPositive)
        #expect(wide[1, 1].foreground == strongestNegative)
        #expect((0..<32).allSatisfy { narrow[$0, 1].foreground == neutral })
    }

    @Test func aNarrowLegendKeepsBothEndsWithFewerColours() {
        // ±0.011 in 22 columns (the heatmap of a 60×16 screen): seven
        // colours, every fifth of the way from -limit to +limit rounded to
        // the scale's steps.
        let layer = makeLayer(
            name: "w", inputs: 2, outputs: 50,
            weights: (0..<100).map { $0 % 2 == 0 ? 0.011 : -0.011 })
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let grid = draw(
            heatmap, gridWidth: 22, gridHeight: 3,
            area: Rect(x: 0, y: 0, width: 22, height: 3))
        #expect(grid.lines[2] == "-0.011 ███████ +0.011 ")
        let scale = Theme.standard.heatmapScale
        #expect((7...13).map { grid[$0, 2].foreground }
            == [0, 2, 3, 5, 7, 8, 10].map { scale[$0] })
        let widths = [20: "-0.011 █████ +0.011 ", 17: "-0.011 ███ +0.011",
                      16: "                "]
        for (width, line) in widths {
            let narrow = draw(
                heatmap, gridWidth: width, gridHeight: 3,
                area: Rect(x: 0, y: 0, width: width, height: 3))
            #expect(narrow.lines[2] == line)
        }
    }

    @Test func selectionAgreesWithSorting() {
        // A small linear congruential generator keeps the cases fixed.
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005
                &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var cases: [[Float]] = [
            [1], [2, 1], Array(repeating: 0, count: 50),
            (0..<64).map(Float.init), (0..<64).reversed().map(Float.init),
            (0..<64).map { Float(min($0, 63 - $0)) },
        ]
        for _ in 0..<40 {
            let count = 1 + next(300)
            let spread = [3, 1000][next(2)]
            cases.append((0..<count).map { _ in Float(next(spread)) - 1 })
        }
        for values in cases {
            for rank in Set([0, values.count / 2, values.count - 1,
                              next(values.count)]) {
                var copy = values
                #expect(copy.select(rank: rank)
                    == values.selectedBySorting(rank: rank))
                #expect(copy.sorted() == values.sorted())
            }
        }
    }

    @Test func theColourLimitIgnoresTheTopTwoPercent() {
        #expect(Heatmap.colourLimit(of: (1...100).map(Float.init)) == 98)
        let outlier = Array(repeating: Float(0.1), count: 99) + [-50]
        #expect(Heatmap.colourLimit(of: outlier) == 0.1)
        #expect(Heatmap.colourLimit(of: [-3, 2]) == 3)
        #expect(Heatmap.colourLimit(of: [.nan]) == 0)
    }

    @Test func coloursAreSymmetricAroundZero() {
        let heatmap = Heatmap(layer: makeLayer(), index: 0, count: 1)
        let scale = Theme.standard.heatmapScale
        #expect(heatmap.colour(of: 0.09, limit: 1) == scale[5])
        #expect(heatmap.colour(of: 0.1, limit: 1) == scale[6])
        #expect(heatmap.colour(of: -0.1, limit: 1) == scale[4])
        #expect(heatmap.colour(of: -7, limit: 1) == scale[0])
        #expect(heatmap.colour(of: 0.5, limit: 0) == scale[5])
    }

    @Test func aLayerWithoutMatchingWeightsSaysSo() {
        let layer = makeLayer(name: "w", inputs: 2, outputs: 2, weights: [1])
        let heatmap = Heatmap(layer: layer, index: 0, count: 1)
        let grid = draw(
            heatmap, gridWidth: 20, gridHeight: 3,
            area: Rect(x: 0, y: 0, width: 20, height: 3))
        #expect(grid.lines[1] == "no weights to show  ")
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func aHeatmapStaysInsideSmallAreas(size: Int) {
        let heatmap = Heatmap(
            layer: makeLayer(inputs: 64, outputs: 32,
                             weights: (0..<2048).map { Float($0 % 9) - 4 }),
            index: 0, count: 1)
        for (width, height) in [(size, size), (size, 1), (1, size)] {
            let area = Rect(x: 1, y: 1, width: width, height: height)
            let grid = draw(
                heatmap, gridWidth: size + 2, gridHeight: size + 2, area: area)
            #expect(onlyInside(area, of: grid))
        }
    }
}
