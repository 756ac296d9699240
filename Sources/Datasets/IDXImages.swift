/// Greyscale images read from an IDX file: raw bytes, row-major.
public struct IDXImages: Sendable, Equatable {
    /// Number of images.
    public var count: Int
    /// Pixel rows per image.
    public var rows: Int
    /// Pixel columns per image.
    public var columns: Int
    /// Raw pixel values, (count, rows, columns) row-major.
    public var pixels: [UInt8]

    /// Creates images from raw pixels; `pixels` must hold them all.
    public init(count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
        precondition(pixels.count == count * rows * columns,
                     "\(pixels.count) pixels for \(count) images "
                        + "of \(rows)x\(columns)")
        self.count = count
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
    }

    /// Pixels per image.
    public var pixelsPerImage: Int { rows * columns }

    /// Images `indices` (all when nil) as a data set of pixel/255 features
    /// labelled by `labels`, which holds one label per image.
    public func dataset(
        labels: [UInt8], classNames: [String], indices: [Int]? = nil
    ) -> Dataset {
        // pixels is (count, width); result is (indices.count, width).
        precondition(labels.count == count, "one label per image")
        let width = pixelsPerImage
        let chosen = indices ?? Array(0..<count)
        // A table gives exactly pixel/255 without a division per pixel.
        let scale = (0...255).map { Float($0) / 255 }

        let features = [Float](
            unsafeUninitializedCapacity: chosen.count * width
        ) { buffer, initialized in
            pixels.withUnsafeBufferPointer { source in
                scale.withUnsafeBufferPointer { table in
                    var target = 0
                    for image in chosen {
                        precondition(image >= 0 && image < count,
                                     "image \(image) outside 0..<\(count)")
                        let start = image * width
                        for offset in 0..<width {
                            buffer[target + offset] =
                                table[Int(source[start + offset])]
                        }
                        target += width
                    }
                }
            }
            initialized = chosen.count * width
        }
        let chosenLabels = chosen.map { image in
            let label = Int32(labels[image])
            precondition(Int(label) < classNames.count, "label out of range")
            return label
        }
        return Dataset(
            unchecked: features, labels: chosenLabels, featureCount: width,
            classNames: classNames)
    }
}
