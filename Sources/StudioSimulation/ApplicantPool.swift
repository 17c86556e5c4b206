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
/// conditions (one uniform for both, which also gives the random key that orders equal scores;
/// see `screenAndScore`) and its score noise; then, for each shortlisted studio, its objection
/// draw. Each candidate draws all of these from its own stream, so a
/// candidate's draws do not depend on the quota or on the other candidates. A draw whose
/// outcome is certain (an apply probability of 1 with certain conditions, no score noise, no
/// objections) is not made.
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

    /// The values of a year that a calendar schedule may change: the newcomers, the chances of
    /// applying and of each condition, the shortlist and the chances of fraud and objection.
    struct YearSettings: Sendable, Equatable {
        let parameters: ApplicantParameters
        let rules: SelectionRules
        let fraudProbability: Double
    }

    private var parameters: ApplicantParameters
    private var rules: SelectionRules
    private var fraudProbability: Double
    private let rubric: ScoringRubric?
    private let channelBounds: [Double]
    private var conditionsAreCertain: Bool
    /// Each condition of Art. 2 with the chance of meeting it and every condition before it.
    private var conditions: [(condition: ApplicantCondition, meetsSoFar: Double)]
    private var candidates: [Candidate] = []
    private var profiles: [Double] = []
    private var arrivals = 0
    private var isFirstYear = true
    /// The rubric item whose points order equal scores, when ties go by one (Art. 7).
    private let tieItem: Int?
    /// Whether any body caps how many it recommends.
    private let hasCaps: Bool
    // The year's selection, in buffers kept between years so that each year reuses their storage.
    /// The year's scored applicants, then those their bodies recommend.
    private var recommended: [QuotaRanking.Entry] = []
    /// The year's shortlist in rank order.
    private var ranking: [QuotaRanking.Entry] = []
    /// Whether the public notice struck each rank of `ranking`.
    private var struck: [Bool] = []
    /// Marks by candidate index: of applicants their body does not recommend, then of
    /// candidates leaving the pool.
    private var leaving: [Bool] = []
    /// The studios the last selection named, in rank order.
    private(set) var nominees: [Nominee] = []

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
        conditions = Self.conditions(parameters.conditionProbabilities)
        hasCaps = parameters.channels.contains { $0.cap != nil }
        if case .rubricItem(let item) = rules.tieBreak, rubric != nil { tieItem = item } else { tieItem = nil }
    }

    /// Each condition of Art. 2 with the chance of meeting it and every condition before it.
    private static func conditions(_ probabilities: [Double]) -> [(condition: ApplicantCondition, meetsSoFar: Double)] {
        var meetsSoFar = 1.0
        return zip(ApplicantCondition.allCases, probabilities).map { condition, probability in
            meetsSoFar *= probability
            return (condition, meetsSoFar)
        }
    }

    /// Takes the values in force in a year (a calendar schedule's); the candidates stay.
    mutating func update(to settings: YearSettings) {
        parameters = settings.parameters
        rules = settings.rules
        fraudProbability = settings.fraudProbability
        conditionsAreCertain = parameters.conditionProbabilities.allSatisfy { $0 == 1 }
        conditions = Self.conditions(parameters.conditionProbabilities)
    }

    /// Empties the pool and fills it with the start pool: the list, or `pool` drawn candidates.
    mutating func reset(using streams: ReplicationStreams) {
        candidates.removeAll(keepingCapacity: true)
        profiles.removeAll(keepingCapacity: true)
        arrivals = 0
        isFirstYear = true
        for (row, applicant) in parameters.listed.enumerated() {
            arrivals += 1
            let stream = streams.newStream(for: .candidate(.listed(row: row)))
            candidates.append(
                Candidate(
                    quality: applicant.quality, channel: applicant.channel, listed: row, serial: arrivals,
                    profile: drawProfile(using: streams[stream]), stream: stream, key: .listed(row: row)))
        }
        for index in 0..<parameters.pool { arrive(.arrived(year: -1, index: index), using: streams) }
    }

    /// Runs the selection of forecast year `yearIndex` (calendar year `year`) for `quota` places
    /// into ``nominees``, and removes the named from the pool.
    mutating func select(
        quota: Int, year yearIndex: Int, calendarYear year: Int, using streams: ReplicationStreams,
        tally: inout SelectionTally, trace: TraceLog?
    ) {
        if parameters.newPerYear > 0 {
            for index in 0..<streams[.arrivals].poisson(mean: parameters.newPerYear) {
                arrive(.arrived(year: yearIndex, index: index), using: streams)
            }
        }
        if fraudProbability > 0 { disqualifyCheats(year: year, using: streams, tally: &tally, trace: trace) }
        tally.pool = Double(candidates.count)
        screenAndScore(year: year, using: streams, tally: &tally, trace: trace)
        if hasCaps { applyCaps(year: year, trace: trace) }
        tally.recommended = Double(recommended.count)
        let shortlist = rules.shortlistScore
        ranking.removeAll(keepingCapacity: true)
        for entry in recommended where entry.score >= shortlist { ranking.append(entry) }
        QuotaRanking.sortByRank(&ranking)
        tally.shortlisted = Double(ranking.count)
        // Every shortlisted studio draws its objection uniform, reached or not, so that its
        // stream does not depend on how far down the ranking the quota goes.
        let objection = rules.objectionProbability
        struck.removeAll(keepingCapacity: true)
        for entry in ranking {
            struck.append(objection > 0 && streams[candidates[entry.id].stream].uniform() < objection)
        }
        let reached = QuotaRanking.ranksReached(
            ranking.count, quota: quota, refillAfterObjection: rules.refillAfterObjection) { struck[$0] }
        nominees.removeAll(keepingCapacity: true)
        leaving.removeAll(keepingCapacity: true)
        leaving.append(contentsOf: repeatElement(false, count: candidates.count))
        for rank in 0..<reached where !struck[rank] {
            let entry = ranking[rank]
            let candidate = candidates[entry.id]
            nominees.append(
                Nominee(
                    quality: candidate.quality, score: entry.score, key: candidate.key,
                    label: trace == nil ? nil : label(entry.id)))
            leaving[entry.id] = true
            tally.named += 1
            tally.namedScoreSum += entry.score
            tally.lowestNamedScore = min(tally.lowestNamedScore, entry.score)
        }
        if let trace { self.trace(reached: reached, year: year, into: trace) }
        removeLeaving(improvingBy: parameters.improvementPerYear)
        isFirstYear = false
    }

    // MARK: - Stages

    /// Applications, screening against the six conditions and scores, into `recommended`.
    ///
    /// One uniform u decides both whether a candidate applies and which condition of Art. 2 it
    /// first fails: it applies when u < a (the apply probability), and fails condition c first
    /// when u ≥ a·p_1·…·p_c, so each condition is met with its own chance given those before it.
    /// A listed candidate's first year follows its row instead. An applicant who passes has
    /// u < a·p_1·…·p_6 (u < a for a listed candidate's first year), so u divided by that bound is
    /// uniform on [0, 1) and independent of its score: that is the random key that orders its
    /// score among equal ones. Only when no uniform was drawn (a certain application) is the key
    /// drawn instead.
    private mutating func screenAndScore(
        year: Int, using streams: ReplicationStreams, tally: inout SelectionTally, trace: TraceLog?
    ) {
        recommended.removeAll(keepingCapacity: true)
        let apply = parameters.applyProbability
        let noise = parameters.scoreNoiseSD
        let drawNeeded = apply < 1 || !conditionsAreCertain
        let passBound = apply * (conditions.last?.meetsSoFar ?? 1)
        for index in candidates.indices {
            let stream = streams[candidates[index].stream]
            let u = drawNeeded ? stream.uniform() : 0
            guard u < apply else { continue }
            tally.applicants += 1
            let candidate = candidates[index]
            var failed: ApplicantCondition?
            let followsRow = candidate.listed >= 0 && isFirstYear
            if followsRow {
                let meets = parameters.listed[candidate.listed].meetsConditions
                failed = meets.firstIndex(of: false).map { ApplicantCondition.allCases[$0] }
            } else if u >= passBound {
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
            let score = min(max(drawn, 0), 100)
            let randomKey = drawNeeded ? u / (followsRow ? apply : passBound) : stream.uniform()
            recommended.append(
                QuotaRanking.Entry(id: index, score: score, tieKey: tieKey(score: score, of: index), randomKey: randomKey))
        }
    }

    /// What orders an applicant's score among equal ones before its random key (Art. 7): its
    /// points on the rubric item when ties go by one, 0 otherwise.
    private func tieKey(score: Double, of index: Int) -> Double {
        guard let item = tieItem, let rubric else { return 0 }
        return rubric.split(score: score, profile: profile(of: index))[item]
    }

    /// Each body with a cap recommends only its best `cap` applicants by score (Art. 7).
    private mutating func applyCaps(year: Int, trace: TraceLog?) {
        leaving.removeAll(keepingCapacity: true)
        leaving.append(contentsOf: repeatElement(false, count: candidates.count))
        for (channel, body) in parameters.channels.enumerated() {
            guard let cap = body.cap else { continue }
            var own = recommended.filter { candidates[$0.id].channel == channel }
            guard own.count > cap else { continue }
            QuotaRanking.sortByRank(&own)
            for entry in own.dropFirst(cap) {
                leaving[entry.id] = true
                trace?.append(TraceEvent(year: year, studio: label(entry.id), kind: .notRecommended(score: entry.score)))
            }
        }
        recommended.removeAll { leaving[$0.id] }
    }

    // MARK: - Pool changes

    private mutating func arrive(_ key: StreamKey.CandidateKey, using streams: ReplicationStreams) {
        arrivals += 1
        let index = streams.newStream(for: .candidate(key))
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

    /// Removes the candidates marked in `leaving`, keeping the others in arrival order, and
    /// adds `gain` to the quality of each one left (at most 100).
    private mutating func removeLeaving(improvingBy gain: Double = 0) {
        var kept = 0
        for index in candidates.indices where !leaving[index] {
            candidates[kept] = candidates[index]
            if gain > 0 { candidates[kept].quality = min(candidates[kept].quality + gain, 100) }
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

    // MARK: - Trace

    private func label(_ index: Int) -> String {
        let candidate = candidates[index]
        if candidate.listed >= 0 {
            let row = parameters.listed[candidate.listed]
            return "\(row.id) \(row.name)"
        }
        return "P\(candidate.serial)"
    }

    /// Traces the year's ranking: each shortlisted studio's score, rank and outcome (with its
    /// rubric items), then the recommended studios below the shortlist score.
    private func trace(reached: Int, year: Int, into trace: TraceLog) {
        for (rank, entry) in ranking.enumerated() {
            let outcome: TraceEvent.RankingOutcome =
                rank >= reached ? .belowQuota : struck[rank] ? .struckByObjection : .named
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
        // Ordered without tie draws, so that tracing draws nothing a run does not.
        for entry in QuotaRanking.order(recommended.filter { $0.score < rules.shortlistScore }) {
            trace.append(TraceEvent(year: year, studio: label(entry.id), kind: .belowShortlist(score: entry.score)))
        }
    }
}

extension Double {
    fileprivate var exponential: Double { Foundation.exp(self) }
}
