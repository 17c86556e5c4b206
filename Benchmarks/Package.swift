// swift-tools-version:6.1
import PackageDescription

// Performance benchmarks of StudioForecast, kept in their own package so that the main package
// does not depend on package-benchmark. Run from this folder with `swift package benchmark`.
let package = Package(
    name: "StudioForecastBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "StudioForecast", path: ".."),
        // MallocInterposer only: the default RuntimeInterposer trait pulls in
        // swift-runtime-interposer on Linux with Swift 6.3, which is not needed here.
        .package(
            url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1",
            traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StudioSimulation", package: "StudioForecast"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
