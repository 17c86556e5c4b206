// swift-tools-version:6.1
import Foundation
import PackageDescription

// The benchmarks time the engine's internals (its random streams, the simulator), which the
// library keeps at `package` access. They join the StudioForecast package to see them: SwiftPM
// names a package after its folder, as a C identifier (`studio-forecast` → `studio_forecast`).
let studioForecastPackageName = String(
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        .lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })

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
            packageAccess: false,
            swiftSettings: [.unsafeFlags(["-package-name", studioForecastPackageName])],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
