import Foundation
import Testing
import _TestSupport

/// One line of `Tests/Golden/cases.txt`: a command whose output folder and printout were
/// recorded before the metrics, errors and provenance were made typed.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    /// The case's folder under `Tests/Golden/`.
    var name: String
    /// The tool's arguments, `{out}` standing for the output folder.
    var arguments: [String]

    var testDescription: String { name }

    /// The folder holding the case's recorded files.
    var folder: URL { GoldenCase.root.appendingPathComponent(name) }

    static let root = Fixtures.packageRoot.appendingPathComponent("Tests/Golden")

    /// Every case of `cases.txt`, in its order.
    static let all: [GoldenCase] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("cases.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            let arguments = line[line.index(after: colon)...].split(separator: " ").map(String.init)
            return GoldenCase(name: String(line[..<colon]), arguments: arguments)
        }
    }()
}

/// Every recorded output folder is regenerated and compared byte for byte, so that no change of
/// the code behind the writers moves an output byte unnoticed.
@Suite("Golden output folders stay byte-identical")
struct GoldenOutputTests {
    @Test("cases.txt lists every shipped scenario's run")
    func everyScenarioIsCovered() {
        let names = Set(GoldenCase.all.map(\.name))
        #expect(GoldenCase.all.count >= Fixtures.shippedScenarioNames.count + 5)
        for scenario in Fixtures.shippedScenarioNames { #expect(names.contains("run-\(scenario)"), "\(scenario)") }
    }

    @Test("The command writes the recorded files and prints the recorded text", arguments: GoldenCase.all)
    func regenerate(_ golden: GoldenCase) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(golden.arguments.map { $0.replacingOccurrences(of: "{out}", with: out.path) })
        #expect(result.status == 0, "\(result.errors)")
        let printed = Self.maskTimes(result.output.replacingOccurrences(of: out.path, with: "{out}"))
        let recorded = try String(contentsOf: golden.folder.appendingPathComponent("stdout.txt"), encoding: .utf8)
        #expect(printed == Self.maskTimes(recorded))

        let expectedFolder = golden.folder.appendingPathComponent("out")
        let expected = Self.files(under: expectedFolder)
        // Workbooks carry their creation time and are read back by their own tests
        // (openpyxl, LibreOffice); the printout above names each one written.
        #expect(Self.files(under: out).filter { !$0.hasSuffix(".xlsx") } == expected)
        for file in expected {
            let want = try Data(contentsOf: expectedFolder.appendingPathComponent(file))
            let got = (try? Data(contentsOf: out.appendingPathComponent(file))) ?? Data()
            if file.hasSuffix("run.json") {
                #expect(Self.maskTimes(String(decoding: got, as: UTF8.self))
                        == Self.maskTimes(String(decoding: want, as: UTF8.self)), "\(golden.name)/\(file)")
            } else {
                #expect(got == want, "\(golden.name)/\(file) differs")
            }
        }
    }

    @Test("Masking hides only the clock, not the results")
    func maskingKeepsResults() {
        let json = "{\n  \"finished_at\": \"2026-11-29T22:08:39Z\",\n  \"seed\": 5,\n  \"wall_seconds\": 0.81\n}\n"
        #expect(Self.maskTimes(json) == "{\n  \"finished_at\": …,\n  \"seed\": 5,\n  \"wall_seconds\": …\n}\n")
        #expect(Self.maskTimes(json) != Self.maskTimes(json.replacingOccurrences(of: "5,", with: "6,")))
        #expect(Self.maskTimes("then 2 evaluated at 300, in 1.0 s\n") == "then 2 evaluated at 300, in … s\n")
    }

    /// `text` with the clock's readings (run.json's times, the seconds a command took) replaced by `…`.
    static func maskTimes(_ text: String) -> String {
        let masked = text.replacingOccurrences(
            of: #"(?<="(started_at|finished_at|wall_seconds)": )[^,\n]+"#, with: "…", options: .regularExpression)
        return masked.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacing(#/ in [0-9.]+ s$/#, with: " in … s")
        }.joined(separator: "\n")
    }

    /// The paths of the regular files under `folder`, relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
