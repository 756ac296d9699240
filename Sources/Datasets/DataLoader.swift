import Foundation

/// Turns what the user typed into training, validation and test splits.
public enum DataLoader {
    /// Bundled data sets, by the name users type.
    static let bundledNames = ["mnist", "digits", "iris"]

    /// Loads and splits a data set.
    ///
    /// `spec` is "mnist" | "digits" | "iris" | PATH: a folder holding the
    /// four standard IDX files (plain or .gz), or a CSV file (plain or
    /// .gz). The bundled names win over same-named files; write `./mnist`
    /// for a folder of that name.
    ///
    /// Validation takes `validationFraction` of the training rows, drawn
    /// by a shuffle seeded with `seed`. IDX folders with a t10k pair use it
    /// as the test set; any other source (CSV, IDX without t10k) holds out
    /// a test split of the same fraction as well, so the fraction must be
    /// below 0.5 there. IDX pixels are scaled to [0, 1]; CSV features are
    /// standardised with the training split's statistics.
    ///
    /// `labelColumn` picks the CSV label column by header name or 1-based
    /// number (default: the last column); it is an error for IDX data.
    ///
    /// `task` overrides what the labels are for; nil lets the data decide:
    /// IDX data is classification; a CSV label column with any value that
    /// is not a number is classification (binary with exactly 2 classes);
    /// an all-numeric one is classification (binary with exactly 2) when
    /// every value is an integer and there are at most 20 distinct values,
    /// and regression otherwise. Forcing regression on a label that is not
    /// a number, or binary on data without exactly 2 classes, is an error.
    /// Regression on IDX data takes each label byte as its target.
    ///
    /// Regression targets are not standardised, unlike the features: the
    /// loss and RMSE then stay in the data's own units (and R² does not
    /// depend on scaling anyway), and predictions need no unscaling.
    public static func load(
        _ spec: String, labelColumn: String? = nil, task: LearningTask? = nil,
        validationFraction: Double, seed: UInt64
    ) throws(DatasetError) -> DataSplits {
        guard validationFraction > 0 && validationFraction < 1 else {
            throw .invalidFraction(validationFraction)
        }
        let source = try resolve(spec)
        switch source.format {
        case .idx:
            guard labelColumn == nil else {
                throw .labelColumnNotApplicable(source.name)
            }
            return try loadIDX(
                source, task: task ?? .classification,
                validationFraction: validationFraction, seed: seed)
        case .csv(let imageShape):
            return try loadCSV(
                source, imageShape: imageShape, labelColumn: labelColumn,
                task: task, validationFraction: validationFraction,
                seed: seed)
        }
    }

    // MARK: - Sources

    /// Where a spec points, and how to read it.
    struct Source {
        enum Format {
            case idx
            case csv(imageShape: (rows: Int, columns: Int)?)
        }

        var name: String
        var url: URL
        var format: Format
    }

    static func resolve(_ spec: String) throws(DatasetError) -> Source {
        let bundled = spec.lowercased()
        if bundledNames.contains(bundled) {
            return try bundledSource(bundled)
        }
        // An empty path would otherwise mean the current folder.
        guard !spec.isEmpty else { throw .unknownSource(spec, exists: false) }

        let path = NSString(string: spec).expandingTildeInPath
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(
            atPath: url.path, isDirectory: &isFolder)
        else { throw .unknownSource(spec, exists: false) }

        let name = url.lastPathComponent
        if isFolder.boolValue {
            return Source(name: name, url: url, format: .idx)
        }
        let lowered = name.lowercased()
        guard lowered.hasSuffix(".csv") || lowered.hasSuffix(".csv.gz") else {
            throw .unknownSource(spec, exists: true)
        }
        return Source(name: name, url: url, format: .csv(imageShape: nil))
    }

    private static func bundledSource(
        _ name: String
    ) throws(DatasetError) -> Source {
        guard let resources = resourcesDirectory() else {
            throw .missingResources(name, searched: nil)
        }
        let source: Source
        switch name {
        case "mnist":
            source = Source(
                name: name, url: resources.appendingPathComponent("mnist"),
                format: .idx)
        case "digits":
            source = Source(
                name: name,
                url: resources.appendingPathComponent("digits/digits.csv.gz"),
                format: .csv(imageShape: (8, 8)))
        default:
            source = Source(
                name: name,
                url: resources.appendingPathComponent("iris/iris.csv"),
                format: .csv(imageShape: nil))
        }
        guard FileManager.default.fileExists(atPath: source.url.path) else {
            throw .missingResources(name, searched: resources)
        }
        return source
    }

    // MARK: - Loading

    private static func loadIDX(
        _ source: Source, task: LearningTask, validationFraction: Double,
        seed: UInt64
    ) throws(DatasetError) -> DataSplits {
        let files = try IDXFolder(locating: source.url)
        let trainImages = try IDXReader.images(at: files.trainImages)
        let trainLabels = try IDXReader.labels(at: files.trainLabels)
        try checkCount(
            trainLabels, labelsFile: files.trainLabels,
            images: trainImages, imagesFile: files.trainImages)

        var test: (images: IDXImages, labels: [UInt8])?
        if let imagesFile = files.testImages,
            let labelsFile = files.testLabels
        {
            let images = try IDXReader.images(at: imagesFile)
            let labels = try IDXReader.labels(at: labelsFile)
            try checkCount(
                labels, labelsFile: labelsFile, images: images,
                imagesFile: imagesFile)
            guard images.rows == trainImages.rows,
                images.columns == trainImages.columns
            else {
                throw .imageShapeMismatch(
                    imagesFile.path, rows: images.rows,
                    columns: images.columns, trainingRows: trainImages.rows,
                    trainingColumns: trainImages.columns)
            }
            test = (images, labels)
        }

        // Classes are 0 through the largest label seen in either set.
        let largest = max(trainLabels.max() ?? 0, test?.labels.max() ?? 0)
        let classNames = (0...Int(largest)).map(String.init)
        if task == .binary, classNames.count != 2 {
            throw .binaryNeedsTwoClasses(
                source.url.path, classNames: classNames)
        }
        let plan = try SplitPlan(
            count: trainImages.count, validationFraction: validationFraction,
            holdOutTest: test == nil, seed: seed, name: source.name)
        func read(
            _ images: IDXImages, _ labels: [UInt8], _ indices: [Int]? = nil
        ) -> Dataset {
            let set = images.dataset(
                labels: labels, classNames: classNames, indices: indices)
            return task == .regression ? asTargets(set) : set
        }
        func split(_ indices: [Int]) -> Dataset {
            read(trainImages, trainLabels, indices)
        }

        return DataSplits(
            name: source.name, source: source.url.path,
            train: split(plan.train), validation: split(plan.validation),
            test: test.map { read($0.images, $0.labels) }
                ?? plan.test.map(split),
            imageShape: (trainImages.rows, trainImages.columns), task: task)
    }

    /// `set` with its labels as regression targets. IDX class names are
    /// the label values, so the class index is the value itself.
    private static func asTargets(_ set: Dataset) -> Dataset {
        Dataset(
            unchecked: set.features, labels: [],
            featureCount: set.featureCount, classNames: [],
            targets: set.labels.map(Float.init), targetCount: 1)
    }

    private static func checkCount(
        _ labels: [UInt8], labelsFile: URL, images: IDXImages,
        imagesFile: URL
    ) throws(DatasetError) {
        guard labels.count == images.count else {
            throw .labelCountMismatch(
                labels: labelsFile.path, labelCount: labels.count,
                images: imagesFile.path, imageCount: images.count)
        }
    }

    private static func loadCSV(
        _ source: Source, imageShape: (rows: Int, columns: Int)?,
        labelColumn: String?, task: LearningTask?, validationFraction: Double,
        seed: UInt64
    ) throws(DatasetError) -> DataSplits {
        let table = try CSVReader.read(
            contentsOf: source.url, labelColumn: labelColumn, task: task)
        let plan = try SplitPlan(
            count: table.dataset.count,
            validationFraction: validationFraction, holdOutTest: true,
            seed: seed, name: source.name)

        let train = table.dataset.subset(plan.train)
        let scaling = Standardization(fitting: train)
        func scaled(_ indices: [Int]) -> Dataset {
            scaling.apply(to: table.dataset.subset(indices))
        }
        return DataSplits(
            name: source.name, source: source.url.path,
            train: scaling.apply(to: train),
            validation: scaled(plan.validation),
            test: plan.test.map(scaled),
            imageShape: imageShape, featureNames: table.featureNames,
            standardization: scaling, task: table.task)
    }
}
