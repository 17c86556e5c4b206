import Foundation
import Testing
import _TestSupport

/// The package ships one library, and the command line is built on it alone.
@Suite("One library product")
struct LibraryProductTests {
    @Test("The command line imports StudioForecast and ArgumentParser, and no module of the toolkit directly")
    func commandLineImports() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Sources/studio-forecast")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".swift")
        }
        #expect(!files.isEmpty)
        var imported: Set<String> = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let position = words.firstIndex(of: "import"), position + 1 < words.count,
                    words[..<position].allSatisfy({ $0 == "public" || $0 == "internal" || $0.hasPrefix("@") })
                else { continue }
                imported.insert(words[position + 1])
            }
        }
        #expect(imported.contains("StudioForecast"))
        #expect(
            imported.subtracting(["StudioForecast", "ArgumentParser", "Foundation"]).isEmpty,
            "\(imported.sorted())")
    }

    @Test("Package.swift declares the executable and the StudioForecast library as its only products")
    func products() throws {
        let manifest = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let libraries = manifest.components(separatedBy: ".library(name: \"").dropFirst()
            .compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(libraries == ["StudioForecast"])
        #expect(manifest.contains(".executable(name: \"studio-forecast\""))
    }
}
