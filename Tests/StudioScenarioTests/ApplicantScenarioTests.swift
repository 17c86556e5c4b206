import Foundation
import StudioRules
import StudioScenario
import Testing
import _TestSupport

/// A valid scenario with an applicant pool; tests change one line at a time.
private let poolYAML = """
    start_year: 2026
    horizon_years: 3
    quota:
      per_year: 2
    applicants:
      pool: 10
      new_per_year: 3
      quality:
        mean: 70
        sd: 9
      conditions:
        leader: 0.9
        base: 1
      channels:
        - name: county
          share: 0.6
          cap: 2
        - name: industry
          share: 0.4
    scoring:
      rubric:
        - item: facilities
          points: 40
        - item: results
          points: 60
    selection:
      shortlist_score: 75
      tie_break: results
      objection_probability: 0.1
      refill_after_objection: true
    assessment:
      model: score
      pass_score: 55
      noise_sd: 8
    """

private func errors(_ yaml: String, file: String = "pool.yaml") -> [ScenarioError] {
    Fixtures.problems(yaml, file: file)
}

private func variant(_ original: String, _ replacement: String) -> String {
    precondition(poolYAML.contains(original), original)
    return poolYAML.replacingOccurrences(of: original, with: replacement)
}

@Suite("Scenario files: the applicant pool, scoring and selection")
struct ApplicantScenarioTests {
    @Test("The pool, channels, rubric, selection and score model decode")
    func decodes() throws {
        let scenario = try Fixtures.scenario(poolYAML)
        let applicants = try #require(scenario.applicants)
        #expect(applicants.pool == 10 && applicants.newPerYear == 3)
        #expect(applicants.qualityMean == 70 && applicants.qualitySD == 9)
        #expect(applicants.conditionProbabilities == [0.9, 1, 1, 1, 1, 1])
        #expect(applicants.channels == [.init(name: "county", share: 0.6, cap: 2), .init(name: "industry", share: 0.4)])
        #expect(scenario.rubric?.items.map(\.key) == ["facilities", "results"])
        #expect(scenario.selection == SelectionRules(
            shortlistScore: 75, tieBreak: .rubricItem(1), objectionProbability: 0.1, refillAfterObjection: true))
        #expect(scenario.assessment.model == .score(passScore: 55, noiseSD: 8))
    }

    static let badLines: [(String, String, String, Int, String)] = [
        ("      share: 0.4", "      share: 0.3", "applicants.channels", 15, "shares sum to"),
        ("    leader: 0.9", "    leadership: 0.9", "applicants.conditions.leadership", 12, "unknown key"),
        ("    leader: 0.9", "    leader: 1.5", "applicants.conditions.leader", 12, "outside [0, 1]"),
        ("      cap: 2", "      cap: -1", "applicants.channels[0].cap", 17, "out of range"),
        ("  tie_break: results", "  tie_break: luck", "selection.tie_break", 28, "expected random or an item"),
        ("      points: 60", "      points: 50", "scoring.rubric", 22, "not 100"),
        ("  model: score", "  model: guess", "assessment.model", 32, "expected probability or score"),
        ("  shortlist_score: 75", "  shortlist_score: 101", "selection.shortlist_score", 27, "out of range"),
        ("    mean: 70", "    mean: seventy", "applicants.quality.mean", 9, "expected a number"),
    ]

    @Test("Each new key's errors name the key path and line", arguments: badLines)
    func badLine(_ original: String, _ replacement: String, keyPath: String, line: Int, message: String) {
        let found = errors(variant(original, replacement))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.keyPath == keyPath)
        #expect(found.first?.line == line)
        #expect(found.first?.message.contains(message) == true, "\(String(describing: found.first?.message))")
    }

    @Test("Selection and the score model need an applicant pool")
    func needsPool() {
        let withoutPool = "start_year: 2026\nquota:\n  per_year: 2\nselection:\n  shortlist_score: 80\nassessment:\n  model: score\n"
        #expect(errors(withoutPool).map(\.keyPath) == ["selection", "assessment.model"])
    }

    @Test("Score-model keys are refused under the probability model, and heterogeneity under the score model")
    func modelKeys() {
        let probability = variant("  model: score\n", "  model: probability\n")
        #expect(errors(probability).map(\.keyPath) == ["assessment.pass_score", "assessment.noise_sd"])
        #expect(errors(poolYAML + "\n  heterogeneity: 10\n").map(\.keyPath) == ["assessment.heterogeneity"])
    }
}

@Suite("Applicant lists (applicants.list)")
struct ApplicantListTests {
    static let header = "id,name,channel,quality,leader,team,facilities,projects,demonstration,base"

    /// Writes a list beside a scenario that names it and loads the scenario.
    static func load(list: String) throws(ScenarioErrors) -> Scenario {
        let folder = try! Fixtures.temporaryDirectory()
        try! Data(list.utf8).write(to: folder.appendingPathComponent("applicants.csv"))
        let yaml = """
            start_year: 2026
            quota:
              per_year: 2
            applicants:
              list: applicants.csv
              channels:
                - name: county
                  share: 0.5
                - name: industry
                  share: 0.5
            """
        let path = folder.appendingPathComponent("listed.yaml").path
        try! Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return try ScenarioLoader().load(path: path)
    }

    @Test("Rows load with their channels, conditions and Chinese names intact")
    func goodList() throws {
        let list = """
            \(Self.header)
            S01,洪城工匠创新工作室,county,88,true,true,true,true,true,true
            S02,"Smith, Jones & Co \"\"lab\"\"",industry,79.5,true,false,true,true,true,true
            """
        let listed = try #require(try Self.load(list: list).applicants?.listed)
        #expect(listed.count == 2)
        #expect(listed[0].name == "洪城工匠创新工作室")
        #expect(listed[0].channel == 0 && listed[1].channel == 1)
        #expect(listed[1].name == "Smith, Jones & Co \"lab\"")
        #expect(listed[1].quality == 79.5)
        #expect(listed[1].meetsConditions == [true, false, true, true, true, true])
    }

    @Test("A score column may stand for quality, and a byte-order mark is ignored")
    func scoreColumn() throws {
        let list = "\u{FEFF}" + Self.header.replacingOccurrences(of: "quality", with: "score")
            + "\nS01,甲,county,90,true,true,true,true,true,true\n"
        #expect(try Self.load(list: list).applicants?.listed.first?.quality == 90)
    }

    static let badRows: [(String, String, Int, String)] = [
        ("S01,甲,county,abc,true,true,true,true,true,true", "row 1, column quality", 2, "expected a number from 0 to 100"),
        ("S01,甲,county,120,true,true,true,true,true,true", "row 1, column quality", 2, "expected a number from 0 to 100"),
        ("S01,甲,county,80,yes,true,true,true,true,true", "row 1, column leader", 2, "expected true or false"),
        ("S01,甲,province,80,true,true,true,true,true,true", "row 1, column channel", 2, "is not one of applicants.channels"),
        ("S01,甲,county,80,true,true", "row 1", 2, "has 6 fields but the header has 10"),
        (",甲,county,80,true,true,true,true,true,true", "row 1, column id", 2, "is empty"),
    ]

    @Test("A malformed row is named by file, row, column and line", arguments: badRows)
    func badRow(_ row: String, place: String, line: Int, message: String) {
        do {
            _ = try Self.load(list: "\(Self.header)\n\(row)\n")
            Issue.record("no error")
        } catch {
            #expect(error.errors.count == 1, "\(error.errors)")
            let problem = error.errors.first
            #expect(problem?.file.hasSuffix("applicants.csv") == true)
            #expect(problem?.keyPath == place)
            #expect(problem?.line == line)
            #expect(problem?.message.contains(message) == true, "\(String(describing: problem?.message))")
        }
    }

    @Test("Duplicate ids, missing columns and an unreadable list are errors")
    func otherProblems() {
        let duplicate = "\(Self.header)\nS01,甲,county,80,true,true,true,true,true,true\nS01,乙,county,81,true,true,true,true,true,true\n"
        #expect(throws: ScenarioErrors.self) { try Self.load(list: duplicate) }
        do {
            _ = try Self.load(list: "id,name,channel,quality\nS01,甲,county,80\n")
        } catch {
            #expect(error.errors.first?.message.contains("missing column(s) leader, team") == true)
        }
        #expect(throws: ScenarioErrors.self) { try Self.load(list: "\(Self.header)\n\"S01,甲\n") }
    }
}
