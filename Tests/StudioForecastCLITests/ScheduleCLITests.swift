import Foundation
import Testing
import _TestSupport

@Suite("Schedules on the command line")
struct ScheduleCLITests {
    @Test("A schedule whose years decrease is one line with file, line and key path, exit 1")
    func badSchedule() throws {
        let path = try CommandLine.scenarioFile("name: x\nstart_year: 2026\nquota:\n  per_year: {2026: 5,\n    2025: 8}\n")
        let result = try CommandLine.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.errors == "studio-forecast: \(path):5: quota.per_year.2025: year 2025 follows 2026; a schedule's years increase\n")
    }

    @Test("sweep --set takes a schedule in braces as one point")
    func sweepSchedule() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("sweep")
        let result = try CommandLine.run([
            "sweep", Fixtures.scenarioPath("nanchang-baseline"), "--set", "quota.per_year=5,{2026: 5, 2028: 8}",
            "--replications", "100", "--quiet", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let csv = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8)
        #expect(csv.contains("\n\"{2026: 5, 2028: 8}\",2028,"))
    }
}
