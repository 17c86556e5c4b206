/// One replication replayed year by year, as `studio-forecast trace` prints it: each forecast
/// year's grant outflow and active studios, and its events (namings, assessments with their pass
/// probability, yellow cards, tranches earned and paid, forfeitures and revocations; Art. 7, 11, 14).
///
/// ```swift
/// let trace = try Simulation(baseline).trace(replication: 1)
/// for line in trace.lines() { print(line) }
/// ```
public struct ReplicationTrace: Sendable, Hashable {
    /// One forecast year of the replication.
    public struct Year: Sendable, Hashable {
        /// The calendar year.
        public var year: Int
        /// The grants paid out in the year, in yuan.
        public var grantOutflow: Double
        /// The studios active at the end of the year.
        public var activeStudios: Int
        /// The year's events, one line each, in the order they happened.
        public var events: [String]
    }

    /// The scenario's name.
    public var scenarioName: String
    /// The replication replayed, numbered from 1 as in a run.
    public var replication: Int
    /// The seed of the replication's streams.
    public var seed: UInt64
    /// The GSL generator's name.
    public var generator: String
    /// Every forecast year, in order.
    public var years: [Year]

    /// The lines `studio-forecast trace` prints: a heading naming the replication, seed and
    /// generator, then each year after a blank line, `== 2026: grant outflow 1,500,000 yuan, 5
    /// active`, followed by its events.
    ///
    /// - Returns: the lines, without line breaks.
    public func lines() -> [String] {
        var lines = ["\(scenarioName): replication \(replication), seed \(seed), \(generator)"]
        for year in years {
            lines.append("")
            lines.append(
                "== \(year.year): grant outflow \(PlainNumber.grouped(year.grantOutflow)) yuan, \(year.activeStudios) active")
            lines += year.events
        }
        return lines
    }
}
