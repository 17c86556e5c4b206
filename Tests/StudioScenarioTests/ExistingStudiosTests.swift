import StudioScenario
import Testing
import _TestSupport

@Suite("Studios named before the forecast: only states the rules can reach (Art. 11, 14)")
struct ExistingStudiosTests {
    /// A scenario starting in 2026 with one group of studios named before it, given by its keys.
    static func scenario(_ group: String, programme: String = "") -> String {
        """
        start_year: 2026
        \(programme)quota:
          per_year: 2
        existing_studios:
          - count: 1
        \(group.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    /// Each unreachable state: its keys, the programme's changes, the key path and line named, and
    /// what the message must say is reachable.
    static let unreachable: [(String, String, String, Int, String)] = [
        (
            "named_year: 2022\ntranches_paid: 1", "", "existing_studios[0].tranches_paid", 7,
            "a studio named in 2022 has by 2025 been paid 2 or 3 tranches, or been revoked"
        ),
        (
            "named_year: 1976\ntranches_paid: 2", "", "existing_studios[0].tranches_paid", 7,
            "a studio named in 1976 has by 2025 been paid 3 tranches, or been revoked"
        ),
        (
            "named_year: 2024\ntranches_paid: 1", "", "existing_studios[0].consecutive_fails", 5,
            "paid 1 tranche and in its cycle has 1 fail in a row by 2025"
        ),
        (
            "named_year: 2024\ntranches_paid: 2\npost_cycle: true", "", "existing_studios[0].post_cycle", 8,
            "paid 2 of 3 tranches is by 2025 still in its 5-year cycle; remove post_cycle"
        ),
        (
            "named_year: 2023\ntranches_paid: 2\npost_cycle: true", "programme:\n  strikes_in_cycle: 3\n",
            "existing_studios[0].post_cycle", 10, "still in its 5-year cycle"
        ),
        (
            "named_year: 2024\ntranches_paid: 2", "programme:\n  payment_lag_years: 1\n",
            "existing_studios[0].tranches_paid", 9,
            "a studio named in 2024 has by 2025 been paid 1 tranche (tranches are paid 1 year(s) after they are earned)"
        ),
        (
            "named_year: 2023\ntranches_paid: 2\npost_cycle: true\nconsecutive_fails: 1",
            "programme:\n  cycle_years: 3\n  strikes_post_cycle: 2\n", "existing_studios[0].consecutive_fails", 12,
            "past its cycle has 0 fails in a row by 2025"
        ),
        (
            "named_year: 2025\ntranches_paid: 1", "programme:\n  payment_lag_years: 1\n",
            "existing_studios[0].tranches_paid", 9,
            "been paid 0 tranches (tranches are paid 1 year(s) after they are earned); declare such studios once"
        ),
    ]

    @Test("A state no pass/fail sequence reaches is one error naming the file, the line and the key", arguments: unreachable)
    func refused(_ group: String, _ programme: String, keyPath: String, line: Int, message: String) {
        let found = Fixtures.problems(Self.scenario(group, programme: programme), file: "old.yaml")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.keyPath == keyPath, "\(found)")
        #expect(found.first?.line == line, "\(found)")
        #expect(found.first?.message.contains(message) == true, "\(found)")
    }

    /// Reachable states, some of which the former hand-written checks refused.
    static let reachable: [(String, String)] = [
        ("named_year: 2022\ntranches_paid: 2\nconsecutive_fails: 1", ""),
        ("named_year: 2022\ntranches_paid: 3\npost_cycle: true", ""),
        ("named_year: 2024\ntranches_paid: 1\nconsecutive_fails: 1", ""),
        ("named_year: 2024\ntranches_paid: 1", "programme:\n  payment_lag_years: 1\n"),
        ("named_year: 2023\ntranches_paid: 2\npost_cycle: true", "programme:\n  payment_lag_years: 1\n"),
        ("named_year: 1976\ntranches_paid: 3\npost_cycle: true", ""),
        ("named_year: 2023\ntranches_paid: 2\npost_cycle: true", "programme:\n  cycle_years: 3\n"),
    ]

    @Test("Every reachable state is accepted", arguments: reachable)
    func accepted(_ group: String, _ programme: String) {
        #expect(Fixtures.problems(Self.scenario(group, programme: programme), file: "old.yaml").isEmpty)
    }
}
