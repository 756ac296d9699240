@testable import CursesTerminal
import Terminal
import Testing

@Suite("BasicColors")
struct BasicColorsTests {
    @Test func indicesTheTerminalHasAreKept() {
        #expect(BasicColors.color(forPalette: 5, count: 8) == 5)
        #expect(BasicColors.color(forPalette: 13, count: 16) == 13)
        #expect(BasicColors.color(forPalette: 200, count: 256) == 200)
        #expect(BasicColors.color(forPalette: 87, count: 88) == 87)
    }

    @Test func brightColoursFoldOntoTheirBaseOnEightColours() {
        let folded = (8...15).map {
            BasicColors.color(forPalette: UInt8($0), count: 8)
        }
        // Bright black is a mid grey, nearer light grey (7) than black.
        #expect(folded == [7, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test func cubePrimariesMapToTheNearestBasicColour() {
        #expect(BasicColors.color(forPalette: 196, count: 16) == 9)
        #expect(BasicColors.color(forPalette: 196, count: 8) == 1)
        #expect(BasicColors.color(forPalette: 46, count: 16) == 10)
        #expect(BasicColors.color(forPalette: 21, count: 16) == 4)
        #expect(BasicColors.color(forPalette: 16, count: 16) == 0)
        #expect(BasicColors.color(forPalette: 231, count: 16) == 15)
        #expect(BasicColors.color(forPalette: 231, count: 8) == 7)
    }

    @Test func greysMapByLightness() {
        #expect(BasicColors.color(forPalette: 232, count: 16) == 0)
        #expect(BasicColors.color(forPalette: 244, count: 16) == 8)
        #expect(BasicColors.color(forPalette: 244, count: 8) == 7)
        #expect(BasicColors.color(forPalette: 255, count: 16) == 7)
    }

    @Test func paletteIndexBeyondEightyEightUsesSixteenColours() {
        #expect(BasicColors.color(forPalette: 196, count: 88) == 9)
    }

    @Test func terminalsWithoutEightColoursGetNoColour() {
        #expect(BasicColors.color(forPalette: 1, count: 0) == nil)
        #expect(BasicColors.color(forPalette: 200, count: 2) == nil)
    }

    @Test func paletteEntriesHaveXtermsValues() {
        #expect(BasicColors.rgb(ofPalette: 1) == (205, 0, 0))
        #expect(BasicColors.rgb(ofPalette: 16) == (0, 0, 0))
        #expect(BasicColors.rgb(ofPalette: 67) == (95, 135, 175))
        #expect(BasicColors.rgb(ofPalette: 231) == (255, 255, 255))
        #expect(BasicColors.rgb(ofPalette: 232) == (8, 8, 8))
        #expect(BasicColors.rgb(ofPalette: 255) == (238, 238, 238))
    }

    @Test func everyCubeEntryRoundTripsThroughTerminalColorRGB() {
        for index in 16...231 {
            let (red, green, blue) = BasicColors.rgb(ofPalette: UInt8(index))
            #expect(
                TerminalColor.rgb(red, green, blue) == .palette(UInt8(index)))
        }
    }
}
