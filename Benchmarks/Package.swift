// swift-tools-version:6.1
import PackageDescription

// Performance benchmarks of StudioForecast, kept in their own package so that the main package
// does not depend on package-benchmark. Run from this folder with `swift package benchmark`.
let package = Package(
    name: "StudioForecastBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named so that the products below do not depend on the checkout's folder name.
        .package(name: "StudioForecast", path: ".."),
        // ordo-one/package-benchmark, renamed ordo-one/benchmark. MallocInterposer only: the
        // default RuntimeInterposer trait needs swift-runtime-interposer (Linux, Swift 6.3), which
        // only the ARC metrics use.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StudioForecast", package: "StudioForecast"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
