// swift-tools-version:6.0
// An analyst's own package built on the StudioForecast library: raise the annual quota and
// see what it costs over five years, on common random numbers.
import PackageDescription

let package = Package(
    name: "QuotaStudy",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The toolkit, from this repository; elsewhere name its git URL and a version.
        .package(name: "StudioForecast", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "QuotaStudy",
            dependencies: [.product(name: "StudioForecast", package: "StudioForecast")])
    ]
)
