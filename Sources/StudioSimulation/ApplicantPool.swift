import Foundation
import StudioRules
import StudioScenario

/// The applicant pool of one replication and the year's selection: applications, screening
/// against the six conditions (Art. 2), recommendation by each body (Art. 7), scoring, the
/// shortlist, ranking within the quota and the public notice (Art. 7).
///
/// Each year draws, in this order: the number of newly eligible studios (Poisson) and, for each,
/// its quality (normal, clipped to 0...100), its body (by the bodies' shares) and its rubric
/// profile; then, for each candidate in pool order, whether it is found cheating (Art. 15; it is
/// then disqualified for ever); then, for each candidate left, whether it applies and meets the
/// conditions (one uniform for both, see `screenAndScore`), its score noise and the random key
/// that orders equal scores; then, for each shortlisted studio, its objection draw. Under the
/// keyed layout each candidate draws all of these from its own stream, so a candidate's draws
/// do not depend on the quota or on the other candidates. A draw whose outcome is certain (an
/// apply probability of 1 with certain conditions, no score noise, no objections) is not made.
struct ApplicantPool {
    /// A candidate waiting to be named.
    struct Candidate {
        var quality: Double
        let channel: Int
        /// Its row in the applicant list, or −1 for a drawn candidate.
        let listed: Int
        /// Its number in order of arrival, from 1.
        let serial: Int
        /// Its rubric profile's first index in `profiles`, or −1 without a rubric.
        let profile: Int
        /// Its stream's index in the replication's streams.
        let stream: Int
        /// Its stable identity, which also keys its streams once named.
        let key: StreamKey.CandidateKey
    }

    /// A studio the year's selection named.
    struct Nominee {
        let quality: Double
        let score: Double
        /// Its identity as a candidate, which keys its streams as a named studio.
        let key: StreamKey.CandidateKey
        /// A trace label, when tracing: the list's id and name, or `P` and the arrival number.
        let label: String?
    }

    private let parameters: ApplicantParameters
    private let rules: SelectionRules
    private let fraudProbability: Double
    private let rubric: ScoringRubric?
    private let channelBounds: [Double]
    private let conditionsAreCertain: Bool
    /// Each condition of Art. 2 with the chance of meeting it and every condition before it.
    private let conditions: [(condition: ApplicantCondition, meetsSoFar: Double)]
    private var candidates: [Candidate] = []
    private var profiles: [Double] = []
    private var arrivals = 0
    private var isFirstYear = true
    private var entries: [[QuotaRanking.Entry]]
    /// Scratch marks of candidates leaving the pool.
    private var leaving: [Bool] = []

    init(parameters: ApplicantParameters, rules: SelectionRules, rubric: ScoringRubric?, fraudProbability: Double = 0) {
        self.parameters = parameters
        self.rules = rules
        self.fraudProbability = fraudProbability
        self.rubric = rubric
        var running = 0.0
        channelBounds = parameters.channels.map { channel in
            running += channel.share
            return running
        }
        conditionsAreCertain = parameters.conditionProbabilities.allSatisfy { $0 == 1 }
        var meetsSoFar = 1.0
        conditions = zip(ApplicantCondition.allCases, parameters.conditionProbabilities).map { condition, probability in
            meetsSoFar *= probability
            return (condition, meetsSoFar)
        }
        entries = Array(repeating: [], count: parameters.channels.count)
    }

    /// Empties the pool and fills it with the start pool: the list, or `pool` drawn candidates.
    mutating func reset(using streams: ReplicationStreams) {
        candidates.removeAll(keepingCapacity: true)
        profiles.removeAll(keepingCapacity: true)
        arrivals = 0
        isFirstYear = true
        for (row, applicant) in parameters.listed.enumerated() {
            arrivals += 1
            let stream = streams.index(of: .candidate(.listed(row: row)))
            candidates.append(
                Candidate(
                    quality: applicant.quality, channel: applicant.channel, listed: row, serial: arrivals,
                    profile: drawProfile(using: streams[stream]), stream: stream, key: .listed(row: row)))
        }
        for index in 0..<parameters.pool { arrive(.arrived(year: -1, index: index), using: streams) }
    }

    /// Runs the selection of forecast year `yearIndex` (calendar year `year`) for `quota` places
    /// and removes the named from the pool.
    mutating func select(
        quota: Int, year yearIndex: Int, calendarYear year: Int, using streams: ReplicationStreams,
        tally: inout SelectionTally, trace: TraceLog?
    ) -> [Nominee] {
        if parameters.newPerYear > 0 {
            for index in 0..<streams[.arrivals].poisson(mean: parameters.newPerYear) {
                arrive(.arrived(year: yearIndex, index: index), using: streams)
            }
        }
        if fraudProbability > 0 { disqualifyCheats(year: year, using: streams, tally: &tally, trace: trace) }
        tally.pool = Double(candidates.count)
        screenAndScore(year: year, using: streams, tally: &tally, trace: trace)
        var recommended: [QuotaRanking.Entry] = []
        for channel in entries.indices {
            let cap = parameters.channels[channel].cap ?? Int.max
            guard entries[channel].count > cap else {
                recommended += entries[channel]
                continue
            }
            let ordered = order(entries[channel])
            recommended += ordered.prefix(cap)
            if let trace {
                for entry in ordered.dropFirst(cap) {
                    trace.append(TraceEvent(year: year, studio: label(entry.id), kind: .notRecommended(score: entry.score)))
                }
            }
        }
        tally.recommended = Double(recommended.count)
        let objection = rules.objectionProbability
        let shortlist = rules.shortlistScore
        let ranking = order(recommended.filter { $0.score >= shortlist })
        // Every shortlisted studio draws its objection uniform, reached or not, so that its
        // stream does not depend on how far down the ranking the quota goes.
        var struck = Set<Int>()
        if objection > 0 {
            for entry in ranking where streams[candidates[entry.id].stream].uniform() < objection { struck.insert(entry.id) }
        }
        let result = QuotaRanking.select(ranking, quota: quota, rules: rules) { struck.contains($0.id) }
        tally.shortlisted = Double(result.ranked.count)
        var nominees: [Nominee] = []
        for entry in result.named {
            let candidate = candidates[entry.id]
            nominees.append(
                Nominee(
                    quality: candidate.quality, score: entry.score, key: candidate.key,
                    label: trace == nil ? nil : label(entry.id)))
            tally.named += 1
            tally.namedScoreSum += entry.score
            tally.lowestNamedScore = min(tally.lowestNamedScore, entry.score)
        }
        if let trace {
            // Ordered without tie draws, so that tracing draws nothing a run does not.
            let below = QuotaRanking.order(recommended.filter { $0.score < shortlist })
            self.trace(result, below: below[...], year: year, into: trace)
        }
        removeNamed(result.named)
        improveWaitingCandidates()
        isFirstYear = false
        return nominees
    }

    // MARK: - Stages

    /// Applications, screening against the six conditions and scores, into each body's entries.
    ///
    /// One uniform u decides both whether a candidate applies and which condition of Art. 2 it
    /// first fails: it applies when u < a (the apply probability), and fails condition c first
    /// when u ≥ a·p_1·…·p_c, so each condition is met with its own chance given those before it.
    /// A listed candidate's first year follows its row instead.
    private mutating func screenAndScore(
        year: Int, using streams: ReplicationStreams, tally: inout SelectionTally, trace: TraceLog?
    ) {
        for channel in entries.indices { entries[channel].removeAll(keepingCapacity: true) }
        let apply = parameters.applyProbability
        let noise = parameters.scoreNoiseSD
        let drawNeeded = apply < 1 || !conditionsAreCertain
        for index in candidates.indices {
            let stream = streams[candidates[index].stream]
            let u = drawNeeded ? stream.uniform() : 0
            guard u < apply else { continue }
            tally.applicants += 1
            let candidate = candidates[index]
            var failed: ApplicantCondition?
            if candidate.listed >= 0 && isFirstYear {
                let meets = parameters.listed[candidate.listed].meetsConditions
                failed = meets.firstIndex(of: false).map { ApplicantCondition.allCases[$0] }
            } else if !conditionsAreCertain {
                for (condition, meetsSoFar) in conditions where u >= apply * meetsSoFar {
                    failed = condition
                    break
                }
            }
            if let failed {
                trace?.append(TraceEvent(year: year, studio: label(index), kind: .failedCondition(failed)))
                continue
            }
            let drawn = noise > 0 ? candidate.quality + stream.gaussian(sd: noise) : candidate.quality
            // The key that orders equal scores, drawn for every scored applicant.
            let randomKey = stream.uniform()
            entries[candidate.channel].append(
                QuotaRanking.Entry(id: index, score: min(max(drawn, 0), 100), randomKey: randomKey))
        }
    }

    /// Entries ordered by score, equal scores by the tie-break rule (Art. 7).
    /// Entries ordered by score; equal scores by the rubric item when ties go by one, then by
    /// each entry's random key, drawn when it was scored.
    private func order(_ entries: [QuotaRanking.Entry]) -> [QuotaRanking.Entry] {
        var ordered = QuotaRanking.order(entries)
        guard case .rubricItem(let item) = rules.tieBreak, let rubric else { return ordered }
        for run in QuotaRanking.tiedRuns(ordered) {
            for index in run {
                ordered[index].tieKey = rubric.split(score: ordered[index].score, profile: profile(of: ordered[index].id))[item]
            }
            ordered[run] = ArraySlice(QuotaRanking.order(Array(ordered[run])))
        }
        return ordered
    }

    // MARK: - Pool changes

    private mutating func arrive(_ key: StreamKey.CandidateKey, using streams: ReplicationStreams) {
        arrivals += 1
        let index = streams.index(of: .candidate(key))
        let stream = streams[index]
        let quality = min(max(parameters.qualityMean + stream.gaussian(sd: parameters.qualitySD), 0), 100)
        var channel = 0
        if channelBounds.count > 1 {
            let u = stream.uniform()
            channel = channelBounds.firstIndex { u < $0 } ?? channelBounds.count - 1
        }
        candidates.append(
            Candidate(
                quality: quality, channel: channel, listed: -1, serial: arrivals, profile: drawProfile(using: stream),
                stream: index, key: key))
    }

    /// A rubric profile: each item's relative strength e^(0.25 z), z standard normal.
    private mutating func drawProfile(using stream: RandomStream) -> Int {
        guard let rubric else { return -1 }
        let start = profiles.count
        for _ in rubric.items { profiles.append((stream.gaussian(sd: 0.25)).exponential) }
        return start
    }

    private func profile(of index: Int) -> [Double] {
        guard let rubric, candidates[index].profile >= 0 else { return [] }
        let start = candidates[index].profile
        return Array(profiles[start..<(start + rubric.items.count)])
    }

    private mutating func removeNamed(_ named: [QuotaRanking.Entry]) {
        guard !named.isEmpty else { return }
        leaving.removeAll(keepingCapacity: true)
        leaving.append(contentsOf: repeatElement(false, count: candidates.count))
        for entry in named { leaving[entry.id] = true }
        removeLeaving()
    }

    /// Removes the candidates marked in `leaving`, keeping the others in arrival order.
    private mutating func removeLeaving() {
        var kept = 0
        for index in candidates.indices where !leaving[index] {
            candidates[kept] = candidates[index]
            kept += 1
        }
        candidates.removeLast(candidates.count - kept)
    }

    /// Candidates found cheating leave the pool for ever (Art. 15).
    private mutating func disqualifyCheats(
        year: Int, using streams: ReplicationStreams, tally: inout SelectionTally, trace: TraceLog?
    ) {
        leaving.removeAll(keepingCapacity: true)
        var cheats = 0
        for index in candidates.indices {
            let cheat = streams[candidates[index].stream].uniform() < fraudProbability
            leaving.append(cheat)
            guard cheat else { continue }
            cheats += 1
            trace?.append(TraceEvent(year: year, studio: label(index), kind: .disqualified))
        }
        tally.disqualified = Double(cheats)
        if cheats > 0 { removeLeaving() }
    }

    private mutating func improveWaitingCandidates() {
        let gain = parameters.improvementPerYear
        guard gain > 0 else { return }
        for index in candidates.indices { candidates[index].quality = min(candidates[index].quality + gain, 100) }
    }

    // MARK: - Trace

    private func label(_ index: Int) -> String {
        let candidate = candidates[index]
        if candidate.listed >= 0 {
            let row = parameters.listed[candidate.listed]
            return "\(row.id) \(row.name)"
        }
        return "P\(candidate.serial)"
    }

    private func trace(
        _ result: QuotaRanking.Result, below: ArraySlice<QuotaRanking.Entry>, year: Int, into trace: TraceLog
    ) {
        let named = Set(result.named.map(\.id))
        let struck = Set(result.struck.map(\.id))
        for (rank, entry) in result.ranked.enumerated() {
            let outcome: TraceEvent.RankingOutcome =
                named.contains(entry.id) ? .named : struck.contains(entry.id) ? .struckByObjection : .belowQuota
            trace.append(
                TraceEvent(
                    year: year, studio: label(entry.id),
                    kind: .ranked(score: entry.score, rank: rank + 1, outcome: outcome)))
            if let rubric {
                let points = rubric.split(score: entry.score, profile: profile(of: entry.id))
                let items = zip(rubric.items, points).map { TraceEvent.ScoreItem(key: $0.key, points: $1) }
                trace.append(TraceEvent(year: year, studio: label(entry.id), kind: .scoreItems(items)))
            }
        }
        for entry in below {
            trace.append(TraceEvent(year: year, studio: label(entry.id), kind: .belowShortlist(score: entry.score)))
        }
    }
}

extension Double {
    fileprivate var exponential: Double { Foundation.exp(self) }
}
