import Foundation
import StudioScenario
import Testing
import _TestSupport

/// A valid scenario; each hostile case appends or replaces lines.
private let validYAML = """
    start_year: 2026
    horizon_years: 10
    quota:
      per_year: 5
    """

@Suite("Hostile scenarios: one problem, one line, with its place")
struct HostileScenarioTests {
    /// Scenario text, the key path and line of the one expected problem, and words of its message.
    static let cases: [(yaml: String, keyPath: String, line: Int, message: String)] = [
        (validYAML + "\nsimulation:\n  seed: 1\n  seed: 2\n", "simulation.seed", 7, "duplicate key; first given on line 6"),
        ("start_year: 2026\nstart_year: 2027\nquota:\n  per_year: 5\n", "start_year", 2, "duplicate key"),
        (
            validYAML + "\nexisting_studios:\n  - named_year: 2024\n    count: 2\n    tranches_paid: 1\n    count: 3\n",
            "existing_studios[0].count", 9, "duplicate key; first given on line 7"
        ),
        (validYAML + "\nprogramme:\n  grant_yuan: 1e12\n", "programme.grant_yuan", 6, "out of range 0...1000000000"),
        ("start_year: 2026\nquota:\n  per_year: 100000\n", "quota.per_year", 3, "out of range 0...10000"),
        (
            validYAML + "\nprogramme:\n  tranche_shares: [" + Array(repeating: "0.04", count: 20).joined(separator: ", ") + ", 0.2]\n",
            "programme.tranche_shares", 6, "has 21 tranches; at most 20"
        ),
        (
            validYAML + "\nsubsidies:\n  equipment:\n    median_yuan: 1e10\n    sigma: 5\n",
            "subsidies.equipment.median_yuan", 7, "out of range 0...1000000000"
        ),
        (
            validYAML + "\nexisting_studios:\n"
                + String(repeating: "  - {named_year: 2025, count: 100000, tranches_paid: 1}\n", count: 2),
            "existing_studios", 6, "at most 100000 in all"
        ),
        ("start_year: 2026\n# a NUL \u{0} byte\nquota:\n  per_year: 5\n", "", 2, "NUL byte"),
    ]

    @Test("Each hostile scenario gives exactly one problem naming its key path and line", arguments: cases)
    func oneProblem(_ yaml: String, keyPath: String, line: Int, message: String) {
        let problems = Fixtures.problems(yaml, file: "hostile.yaml")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.keyPath == keyPath)
        #expect(problems.first?.line == line)
        #expect(problems.first?.message.contains(message) == true, "\(problems)")
        #expect(problems.first?.description.contains("\n") == false)
    }

    /// Writes `bytes` to a new file and returns the problems of loading it.
    static func problems(ofFile bytes: Data, named name: String = "hostile.yaml") throws -> [ScenarioError] {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try bytes.write(to: url)
        do {
            _ = try ScenarioLoader().load(path: url.path)
            return []
        } catch {
            return error.errors
        }
    }

    @Test("Bytes that are not UTF-8 are named by their line")
    func invalidUTF8() throws {
        let problems = try Self.problems(ofFile: Data("start_year: 2026\n# ".utf8) + Data([0xFF, 0xFE]) + Data("\nquota: {per_year: 5}\n".utf8))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message == "the file is not UTF-8 text")
    }

    @Test("A scenario file over 1 MiB is refused with the bound stated")
    func largeFile() throws {
        let quota = "[" + Array(repeating: "5", count: 600_000).joined(separator: ", ") + "]"
        let problems = try Self.problems(ofFile: Data("start_year: 2026\nquota:\n  per_year: \(quota)\n".utf8))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("larger than 1 MiB") == true, "\(problems)")
        #expect(ScenarioLoader.maximumFileBytes == 1 << 20)
    }

    @Test("A file of exactly 1 MiB is still read")
    func fileAtTheBound() throws {
        let head = "start_year: 2026\nquota:\n  per_year: 5\n#"
        let padding = String(repeating: "x", count: (1 << 20) - head.utf8.count - 1) + "\n"
        #expect(try Self.problems(ofFile: Data((head + padding).utf8)).isEmpty)
    }
}

@Suite("Applicant lists: optional channel column and the size bound")
struct ApplicantListBoundTests {
    static let conditions = "leader,team,facilities,projects,demonstration,base"

    /// Writes `list` beside a scenario with no channels and returns the loading's problems or applicants.
    static func load(list: Data) throws -> Result<Scenario, ScenarioErrors> {
        let folder = try Fixtures.temporaryDirectory()
        try list.write(to: folder.appendingPathComponent("applicants.csv"))
        let yaml = "start_year: 2026\nquota:\n  per_year: 2\napplicants:\n  list: applicants.csv\n"
        let path = folder.appendingPathComponent("listed.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        do {
            return .success(try ScenarioLoader().load(path: path))
        } catch {
            return .failure(error)
        }
    }

    @Test("Without channels in the scenario, the list needs no channel column")
    func noChannelColumn() throws {
        let list = "id,name,quality,\(Self.conditions)\nS01,甲,88,true,true,true,true,true,true\n"
        let scenario = try Self.load(list: Data(list.utf8)).get()
        #expect(scenario.applicants?.listed.map(\.quality) == [88])
    }

    @Test("A list over 16 MiB is refused at applicants.list with the bound stated")
    func largeList() throws {
        let row = "S,甲,88,true,true,true,true,true,true\n"
        var list = Data("id,name,quality,\(Self.conditions)\n".utf8)
        list.append(Data(String(repeating: row, count: (16 << 20) / row.utf8.count + 1).utf8))
        guard case .failure(let problems) = try Self.load(list: list) else {
            Issue.record("the list was accepted")
            return
        }
        #expect(problems.errors.count == 1)
        #expect(problems.errors.first?.keyPath == "applicants.list")
        #expect(problems.errors.first?.message.contains("larger than 16 MiB") == true, "\(problems)")
    }

    @Test("A NUL byte in the list is named by the list's line")
    func nulInList() throws {
        let list = "id,name,quality,\(Self.conditions)\nS01,甲\u{0},88,true,true,true,true,true,true\n"
        guard case .failure(let problems) = try Self.load(list: Data(list.utf8)) else {
            Issue.record("the list was accepted")
            return
        }
        #expect(problems.errors.count == 1)
        #expect(problems.errors.first?.file.hasSuffix("applicants.csv") == true)
        #expect(problems.errors.first?.line == 2)
    }
}
