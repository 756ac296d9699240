/// Maps the 256-colour palette onto terminals that show only the 8 or 16
/// basic colours (TERM=xterm, screen, the Linux console).
enum BasicColors {
    /// An RGB colour, each component 0...255.
    typealias RGB = (red: Int, green: Int, blue: Int)

    /// The colour a terminal with `count` colours shows for a palette
    /// index: the index itself when the terminal has it, otherwise the
    /// nearest of the 16 basic colours (`count` 16 up to 255) or of the 8
    /// (`count` 8 up to 15); nil when the terminal has fewer than 8.
    static func color(forPalette index: UInt8, count: Int) -> Int? {
        if Int(index) < count { return Int(index) }
        if count >= 16 { return Int(nearestOf16[Int(index)]) }
        if count >= 8 { return Int(nearestOf8[Int(index)]) }
        return nil
    }

    /// The RGB value of a palette entry, as xterm draws it by default.
    static func rgb(ofPalette index: UInt8) -> RGB {
        // index 0...255 gives one RGB triple, components 0...255.
        let index = Int(index)
        if index < 16 { return ansi[index] }
        if index >= 232 {
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
        // The 6×6×6 cube: index 16 + 36 r + 6 g + b, each level 0...5.
        let cube = index - 16
        return (
            cubeLevels[cube / 36], cubeLevels[cube / 6 % 6],
            cubeLevels[cube % 6])
    }

    // MARK: - Tables

    // xterm's default ANSI colours; real terminals theme these, so the
    // nearest match is an approximation by nature.
    private static let ansi: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    private static let nearestOf16: [UInt8] = (0...255).map {
        nearest(to: rgb(ofPalette: UInt8($0)), among: 16)
    }

    private static let nearestOf8: [UInt8] = (0...255).map {
        nearest(to: rgb(ofPalette: UInt8($0)), among: 8)
    }

    /// The first `count` ANSI colours' index nearest to `color`; ties go to
    /// the lower index.
    ///
    /// Plain RGB distance sends mid greys to yellow (the 8 basic colours
    /// hold no mid grey), so the distance also counts the difference in
    /// chroma (max - min component): greys stay grey, strong colours keep
    /// their hue.
    private static func nearest(to color: RGB, among count: Int) -> UInt8 {
        // color is one RGB triple; the candidates are ansi[0..<count].
        func chroma(_ rgb: RGB) -> Int {
            let (red, green, blue) = rgb
            return max(red, green, blue) - min(red, green, blue)
        }
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<count {
            let entry = ansi[candidate]
            let red = color.red - entry.red
            let green = color.green - entry.green
            let blue = color.blue - entry.blue
            let vividness = chroma(color) - chroma(entry)
            let distance = red * red + green * green + blue * blue
                + vividness * vividness
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return UInt8(best)
    }
}
