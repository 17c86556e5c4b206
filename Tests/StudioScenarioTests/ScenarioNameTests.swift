import Foundation
import StudioScenario
import Testing
import _TestSupport

/// A valid scenario whose `name:` line the tests replace.
private func scenario(named line: String) -> String {
    """
    \(line)
    start_year: 2026
    quota:
      per_year: 2
    """
}

@Suite("Scenario names are identifiers, not paths or formulas")
struct ScenarioNameTests {
    @Test(
        "Names of letters of any script, digits, '_', '-', '.' and spaces are accepted",
        arguments: [
            "nanchang-baseline", "南昌 基线 2026", "v1.2_final", "Ñandú a.b", "प्रयोग",
            String(repeating: "名", count: 80),
        ])
    func accepted(_ name: String) throws {
        let loaded = try Fixtures.scenario(scenario(named: "name: \"\(name)\""))
        #expect(loaded.name == name)
    }

    @Test(
        "A name that is a path, a formula or holds control characters is refused with file, line and key path",
        arguments: [
            ("../../escaped", "found '/'"),
            ("..", "may not start with '.'"),
            ("/../../x", "found '/'"),
            (".hidden", "may not start with '.'"),
            ("+cmd|' /C calc'!A0", "found '+'"),
            ("=1+1", "found '='"),
            ("-2", "may not start with '-'"),
            ("@SUM(A1)", "found '@'"),
            ("\\tx", "found U+0009"),
            ("a\\rb", "found U+000D"),
            ("a\\0b", "found U+0000"),
            (" padded", "may not start with ' '"),
            ("", "expected text"),
            (String(repeating: "x", count: 81), "81 characters"),
        ])
    func refused(_ name: String, _ message: String) {
        let problems = Fixtures.problems(scenario(named: "name: \"\(name)\""), file: "bad.yaml")
        #expect(problems.count == 1)
        let problem = problems.first
        #expect(problem?.keyPath == "name")
        #expect(problem?.line == 1)
        #expect(problem?.description.hasPrefix("bad.yaml:1: name: ") == true)
        #expect(problem?.message.contains(message) == true, "\(problems)")
    }

    @Test(
        "Without name:, a file name that cannot serve as a name is refused, asking for a name: key",
        arguments: [".hidden.yaml", "-x.yaml", "=cmd.yaml", "a+b.yaml"])
    func derivedName(_ file: String) throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent(file).path
        try Data(scenario(named: "# no name").utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try ScenarioLoader().load(path: path)
        } throws: { error in
            guard let errors = error as? ScenarioErrors, let problem = errors.errors.first else {
                return false
            }
            return errors.errors.count == 1 && problem.keyPath == "name" && problem.line != nil
                && problem.message.contains("add a name: key")
        }
    }

    @Test("Without name:, a file name that follows the rule is the name")
    func derivedGoodName() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("南昌 variant_2.yaml").path
        try Data(scenario(named: "# no name").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ScenarioLoader().load(path: path).name == "南昌 variant_2")
    }

    @Test("The rule's own check agrees with the loader", arguments: ["ok", "..", "a/b", "=x", "名字"])
    func ruleMatchesLoader(_ name: String) {
        let refused = !Fixtures.problems(scenario(named: "name: \"\(name)\""), file: "t.yaml").isEmpty
        #expect(ScenarioName.isValid(name) == !refused)
    }
}
