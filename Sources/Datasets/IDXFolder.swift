import Foundation

/// The IDX files of a folder laid out like MNIST: a training pair and,
/// optionally, a t10k test pair.
///
/// Each file may be spelled `train-images-idx3-ubyte` or
/// `train-images.idx3-ubyte` (the Fashion-MNIST spelling), plain or `.gz`.
public struct IDXFolder: Sendable, Equatable {
    /// The folder the files were found in.
    public var folder: URL
    /// The training images file.
    public var trainImages: URL
    /// The training labels file.
    public var trainLabels: URL
    /// The test images file, when the folder has a test pair.
    public var testImages: URL?
    /// The test labels file, when the folder has a test pair.
    public var testLabels: URL?

    /// Finds the IDX files in `folder`; the training pair is required, and
    /// half a test pair is an error rather than silently no test set.
    public init(locating folder: URL) throws(DatasetError) {
        self.folder = folder
        let path = folder.path
        let images = Self.find("train-images", dimensions: 3, in: folder)
        let labels = Self.find("train-labels", dimensions: 1, in: folder)
        guard let images else {
            if let labels {
                throw .missingPartner(
                    path, found: labels.lastPathComponent,
                    missing: "train-images-idx3-ubyte", isTest: false)
            }
            throw .noTrainingFiles(path)
        }
        guard let labels else {
            throw .missingPartner(
                path, found: images.lastPathComponent,
                missing: "train-labels-idx1-ubyte", isTest: false)
        }
        trainImages = images
        trainLabels = labels

        testImages = Self.find("t10k-images", dimensions: 3, in: folder)
        testLabels = Self.find("t10k-labels", dimensions: 1, in: folder)
        switch (testImages, testLabels) {
        case (let found?, nil):
            throw .missingPartner(
                path, found: found.lastPathComponent,
                missing: "t10k-labels-idx1-ubyte", isTest: true)
        case (nil, let found?):
            throw .missingPartner(
                path, found: found.lastPathComponent,
                missing: "t10k-images-idx3-ubyte", isTest: true)
        default:
            break
        }
    }

    /// The first existing spelling of `stem`: hyphen before dot, plain
    /// before gzip.
    private static func find(
        _ stem: String, dimensions: Int, in folder: URL
    ) -> URL? {
        let names = [
            "\(stem)-idx\(dimensions)-ubyte",
            "\(stem)-idx\(dimensions)-ubyte.gz",
            "\(stem).idx\(dimensions)-ubyte",
            "\(stem).idx\(dimensions)-ubyte.gz",
        ]
        for name in names {
            let candidate = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: candidate.path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                return candidate
            }
        }
        return nil
    }
}
