import Foundation
package import StudioRules

/// One event of a replayed replication, for `studio-forecast trace` (Art. 7, 11, 14).
package struct TraceEvent: Sendable, Hashable, CustomStringConvertible {
    /// What the ranking did with a shortlisted studio (Art. 7).
    package enum RankingOutcome: String, Sendable, Hashable {
        /// Named within the quota.
        case named
        /// Struck by an objection during the public notice.
        case struckByObjection = "struck by an objection"
        /// Ranked below the last place of the quota.
        case belowQuota = "below the quota"
    }

    /// One item of a rubric split.
    package struct ScoreItem: Sendable, Hashable {
        /// The item's key.
        package var key: String
        /// Its points.
        package var points: Double

        /// Creates an item.
        package init(key: String, points: Double) {
            self.key = key
            self.points = points
        }
    }

    /// What happened.
    package enum Kind: Sendable, Hashable {
        /// An applicant failed a condition of Art. 2 and was not recommended.
        case failedCondition(ApplicantCondition)
        /// An applicant its body did not recommend: others scored higher within its cap (Art. 7).
        case notRecommended(score: Double)
        /// A recommended studio below the shortlist score (Art. 7).
        case belowShortlist(score: Double)
        /// A shortlisted studio's score, rank and outcome (Art. 7).
        case ranked(score: Double, rank: Int, outcome: RankingOutcome)
        /// A shortlisted studio's score split into the rubric's items (key, points).
        case scoreItems([ScoreItem])
        /// Named this year (Art. 7).
        case named
        /// Assessed, with the chance it had of passing (Art. 11, 14).
        case assessed(passed: Bool, probability: Double)
        /// A fail that did not revoke (Art. 11).
        case yellowCard
        /// A tranche (1-based) earned, paid in `paymentYear` (Art. 11).
        case trancheEarned(tranche: Int, yuan: Double, paymentYear: Int)
        /// The naming revoked, in or after the cycle (Art. 11, 14).
        case revoked(inCycle: Bool)
        /// The cycle ended without revocation.
        case cycleCompleted
        /// Yuan forfeited when the cycle ran out (RULES.md §2 reading).
        case forfeited(yuan: Double)
        /// The year's common shock on the logit scale.
        case yearShock(Double)
        /// An Art. 12 subsidy paid to the studio.
        case subsidy(SubsidyKind, yuan: Double)
        /// Records found falsified (Art. 15): revoked, and the yuan recovered.
        case fraud(recovered: Double)
        /// A candidate found cheating and disqualified for ever (Art. 15).
        case disqualified
    }

    /// The calendar year.
    package var year: Int
    /// The studio's label: `2026-03` for rank 3 of 2026 when the quota is filled, the list's id
    /// and name or `P` and the arrival number for a studio or candidate of the applicant pool,
    /// `2024-E2` for the second studio named before the forecast; empty for events of the whole
    /// programme.
    package var studio: String
    /// What happened.
    package var kind: Kind

    /// Creates an event.
    package init(year: Int, studio: String, kind: Kind) {
        self.year = year
        self.studio = studio
        self.kind = kind
    }

    /// A readable line: year, studio and event.
    package var description: String {
        let what: String
        switch kind {
        case .failedCondition(let condition):
            what = "applied: fails condition \(condition.rawValue) (\(condition.chineseName)), not recommended"
        case .notRecommended(let score):
            what = "applied: score \(Self.score(score)), not recommended (its body's cap)"
        case .belowShortlist(let score):
            what = "applied: score \(Self.score(score)), below the shortlist"
        case .ranked(let score, let rank, let outcome):
            what = "applied: score \(Self.score(score)), rank \(rank), \(outcome.rawValue)"
        case .scoreItems(let items):
            what = "score items: " + items.map { "\($0.key) \(Self.score($0.points))" }.joined(separator: ", ")
        case .named: what = "named"
        case .assessed(let passed, let probability):
            what = "assessed: \(passed ? "pass" : "fail") (pass probability \(Self.format(probability, digits: 4)))"
        case .yellowCard: what = "yellow card"
        case .trancheEarned(let tranche, let yuan, let paymentYear):
            what = "tranche \(tranche) earned: \(Self.format(yuan, digits: 0)) yuan paid in \(paymentYear)"
        case .revoked(let inCycle): what = "revoked (\(inCycle ? "in cycle" : "after cycle"))"
        case .cycleCompleted: what = "cycle completed"
        case .forfeited(let yuan): what = "forfeited \(Self.format(yuan, digits: 0)) yuan"
        case .yearShock(let shock): what = "year shock \(Self.format(shock, digits: 4))"
        case .subsidy(let kind, let yuan):
            let name: String
            switch kind {
            case .equipment: name = "equipment subsidy"
            case .training: name = "skill-upgrade subsidy"
            case .award: name = "city award"
            }
            what = "\(name): \(Self.format(yuan, digits: 0)) yuan"
        case .fraud(let recovered): what = "found cheating: revoked, \(Self.format(recovered, digits: 0)) yuan recovered"
        case .disqualified: what = "found cheating: disqualified for ever"
        }
        let who = studio.isEmpty ? "programme" : studio
        // Padded to line up, never cut: list ids and Chinese names appear whole.
        let padded = who.count < 10 ? who.padding(toLength: 10, withPad: " ", startingAt: 0) : who
        return "\(year)  \(padded)  \(what)"
    }

    /// A score (0–100) to two decimals, rounded down, so that a score shown as 80.0 is never below
    /// a standard of 80 (the shortlist, Art. 7): 79.996 shows as 79.99.
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        var hundredths = (value * 100).rounded()
        // Rounded up: one hundredth less is at most the score, whatever the binary rounding.
        for _ in 0..<2 where hundredths / 100 > value { hundredths -= 1 }
        return String(hundredths / 100)
    }

    /// `value` rounded to `digits` decimals; whole amounts beyond 10¹⁵ yuan (a log-normal draw
    /// far in its tail) are written as Swift writes the `Double`, never through `Int`.
    static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        guard digits == 0 else { return String(rounded) }
        return abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
