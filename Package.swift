// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Descent",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "descent", targets: ["descent"]),
    ],
    targets: [
        // C libraries from Debian packages.
        // No pkgConfig here: ncursesw's pkg-config file carries -D flags
        // that SwiftPM rejects with a warning; shim.h defines what it needs.
        .systemLibrary(
            name: "CNcurses", path: "Sources/CNcurses",
            providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        // Descent's own modules.
        .target(name: "NeuralNet", dependencies: ["CBLAS"]),
        .target(name: "Datasets", dependencies: ["CZlib"]),
        .target(
            name: "Training",
            dependencies: ["NeuralNet", "Datasets", "Checkpoints"]),
        .target(name: "Terminal"),
        .target(name: "Dashboard", dependencies: ["Terminal", "Training"]),
        .target(name: "CursesTerminal", dependencies: ["Terminal", "CNcurses"]),
        .target(name: "Checkpoints"),
        .executableTarget(
            name: "descent",
            dependencies: [
                "NeuralNet", "Datasets", "Training", "Terminal",
                "Dashboard", "CursesTerminal", "Checkpoints",
            ]),

        .testTarget(
            name: "NeuralNetTests", dependencies: ["NeuralNet"],
            exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(
            name: "TrainingTests", dependencies: ["Training", "Datasets"],
            exclude: ["Fixtures"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(
            name: "CursesTerminalTests",
            dependencies: ["CursesTerminal", "Terminal"]),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "Terminal", "Training"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
        .testTarget(name: "CheckpointsTests", dependencies: ["Checkpoints"]),
    ],
    swiftLanguageModes: [.v6]
)
