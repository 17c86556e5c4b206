// swift-tools-version:6.0
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "StudioForecast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "studio-forecast", targets: ["studio-forecast"]),
        .library(name: "StudioForecast", targets: ["StudioForecast"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `make docs`: swift package generate-documentation (DocC) for the StudioForecast library.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // GSL, the GNU Scientific Library, from Debian's libgsl-dev.
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        // libxlsxwriter, from Debian's libxlsxwriter-dev: .xlsx workbooks with native charts.
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Policy as data and the deterministic grant lifecycle (Art. 11, 14).
        .target(name: "StudioRules", swiftSettings: strictSwift),
        // Scenario files: YAML decoding and validation with key paths and lines.
        .target(
            name: "StudioScenario",
            dependencies: ["StudioRules", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSwift),
        // GSL random streams, the Monte Carlo engine, statistics, the exact evaluator.
        .target(
            name: "StudioSimulation",
            dependencies: ["StudioRules", "StudioScenario", "CGSL"],
            swiftSettings: strictSwift),
        // Writers: CSV, JSON provenance, console tables.
        .target(
            name: "StudioReports",
            dependencies: ["StudioRules", "StudioScenario", "StudioSimulation"],
            swiftSettings: strictSwift),
        // The planner's workbooks (forecast.xlsx and friends) through libxlsxwriter.
        .target(
            name: "StudioWorkbook",
            dependencies: ["StudioScenario", "StudioSimulation", "StudioReports", "CXLSXWriter"],
            swiftSettings: strictSwift),
        // The library's public API: re-exports the modules above and adds the facade
        // (Simulation, ForecastFolder) and the orchestration the command line calls.
        .target(
            name: "StudioForecast",
            dependencies: ["StudioRules", "StudioScenario", "StudioSimulation", "StudioReports", "StudioWorkbook"],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "studio-forecast",
            dependencies: [
                "StudioForecast",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Built without the package's shared access: the command line sees only the library's
            // `public` API, not the `package` declarations its modules share, so the build proves
            // that every command uses nothing a user of the library cannot reach.
            packageAccess: false,
            swiftSettings: strictSwift),
        // libFuzzer targets (`make fuzz`); built without -DFUZZING they replay saved inputs.
        .target(name: "_FuzzSupport", path: "Sources/_Fuzz/_FuzzSupport", swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzScenarioLoader", dependencies: ["StudioScenario", "_FuzzSupport"],
            path: "Sources/_Fuzz/FuzzScenarioLoader", swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzApplicantList", dependencies: ["StudioScenario", "_FuzzSupport"],
            path: "Sources/_Fuzz/FuzzApplicantList", swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzShardFiles", dependencies: ["StudioReports", "StudioSimulation", "StudioScenario", "_FuzzSupport"],
            path: "Sources/_Fuzz/FuzzShardFiles", swiftSettings: strictSwift),
        .target(
            name: "_TestSupport",
            dependencies: ["StudioScenario"],
            path: "Tests/_TestSupport",
            swiftSettings: strictSwift),
        .testTarget(name: "StudioRulesTests", dependencies: ["StudioRules"], swiftSettings: strictSwift),
        .testTarget(
            name: "StudioScenarioTests", dependencies: ["StudioScenario", "StudioSimulation", "_TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "StudioSimulationTests",
            dependencies: ["StudioSimulation", "StudioScenario", "StudioRules", "_TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "StudioReportsTests",
            dependencies: ["StudioReports", "StudioSimulation", "StudioScenario", "_TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "StudioWorkbookTests",
            dependencies: ["StudioWorkbook", "StudioReports", "StudioSimulation", "StudioScenario", "_TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "StudioForecastTests", dependencies: ["StudioForecast", "_TestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "StudioForecastCLITests", dependencies: ["_TestSupport"], swiftSettings: strictSwift),
    ]
)
