import StudioSimulation
import Testing

@Suite("Trace lines")
struct TraceEventTests {
    @Test(
        "Labels appear whole, however long",
        arguments: ["NC-2026-001 张三劳模创新工作室", "NC-2026-001", "P12", "2024-E1"])
    func wholeLabels(_ label: String) {
        let line = TraceEvent(year: 2026, studio: label, kind: .named).description
        #expect(line.contains("2026  \(label)"), "\(line)")
        #expect(line.hasSuffix("named"))
    }

    @Test("Short labels are padded so that events line up")
    func shortLabelsAligned() {
        let short = TraceEvent(year: 2026, studio: "P1", kind: .named).description
        let programme = TraceEvent(year: 2026, studio: "", kind: .yearShock(0.1)).description
        #expect(short.firstRange(of: "named")?.lowerBound.utf16Offset(in: short) == 18)
        #expect(programme.firstRange(of: "year shock")?.lowerBound.utf16Offset(in: programme) == 18)
    }

    /// Scores just under, at and just over the shortlist of 80, and what each must show.
    static let scores: [(Double, String)] = [
        (79.996, "79.99"), (79.999_999_9, "79.99"), (80, "80.0"), (80.004, "80.0"), (80.29, "80.29"), (0.004, "0.0"),
    ]

    @Test("A score below the shortlist never shows as the shortlist", arguments: scores)
    func scoresRoundDown(_ score: Double, shown: String) {
        let below = TraceEvent(year: 2026, studio: "P1", kind: .belowShortlist(score: score)).description
        #expect(below.contains("applied: score \(shown), below the shortlist"), "\(below)")
        let ranked = TraceEvent(year: 2026, studio: "P1", kind: .ranked(score: score, rank: 1, outcome: .named)).description
        #expect(ranked.contains("applied: score \(shown), rank 1"), "\(ranked)")
        #expect(Double(shown).map { $0 <= score } == true)
    }
}
