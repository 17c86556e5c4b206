import Foundation
import Testing
import _TestSupport

/// Every input the fuzzers once found (`Tests/FuzzCorpus/regressions/<target>/`), replayed
/// through the same check the fuzz target makes: no trap, and every problem on one line.
@Suite("Inputs the fuzzers found stay harmless")
struct FuzzRegressionTests {
    static let targets = ["FuzzScenarioLoader", "FuzzApplicantList", "FuzzShardFiles"]

    static func regressions(of target: String) -> [URL] {
        let folder = Fixtures.packageRoot.appendingPathComponent("Tests/FuzzCorpus/regressions/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("Each saved input is read without a trap and reported on one line", arguments: targets)
    func replay(target: String) throws {
        let inputs = Self.regressions(of: target)
        #expect(!inputs.isEmpty, "no saved inputs for \(target)")
        let replay = try CommandLine.run(CommandLine.builtExecutable(named: target), inputs.map(\.path))
        #expect(replay.status == 0, "\(target): \(replay.errors)")
        let replayed = replay.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }
        #expect(replayed.count == inputs.count, "\(replay.output)")
    }
}
