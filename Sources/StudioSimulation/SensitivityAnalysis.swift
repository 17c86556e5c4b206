public import StudioScenario

/// Moves each input of a scenario down and up and measures what it does to one output, on
/// common random numbers (`studio-forecast sensitivity`, a tornado).
///
/// The inputs are ``SensitivityInput``s: each number of the file, the Art. 2 conditions and the
/// chance to apply as one group (they act only through their product), and the grant's split,
/// each a lever or an assumption, moved by a relative step or to its own range. The output is an
/// ``OutputMeasure``, by default the mean `cumulative_net_outflow` at the end of the first budget
/// period (or of the horizon, if shorter). Each change is the measure's change against the
/// unchanged scenario; for the mean of one cell it is the mean paired difference, with its MCSE.
/// The change of the mean and of the P95 are kept too, whatever the measure's statistic.
public struct SensitivityAnalysis: Sendable {
    /// One input's effect.
    public struct Effect: Sendable, Hashable {
        /// The input moved.
        public var input: SensitivityInput
        /// Its value moved down (nil when it cannot move or the moved value is not a valid scenario).
        public var low: Double?
        /// Its value moved up.
        public var high: Double?
        /// Paired change of the measure's metric's mean, moved down and up.
        public var meanChangeLow: Double?
        /// Moved up.
        public var meanChangeHigh: Double?
        /// The MCSE of the larger paired change of the mean.
        public var mcse: Double?
        /// Change of the metric's P95, moved down and up (nil where the window has no P95).
        public var p95ChangeLow: Double?
        /// Moved up.
        public var p95ChangeHigh: Double?
        /// Change of the measure (its own statistic), moved down and up.
        public var changeLow: Double?
        /// Moved up.
        public var changeHigh: Double?
        /// The MCSE of the larger change of the measure: known for a mean, nil for a percentile.
        public var changeMCSE: Double?

        /// The larger absolute change of the measure, the tornado's sort key.
        public var size: Double { max(abs(changeLow ?? 0), abs(changeHigh ?? 0)) }
    }

    /// The unchanged scenario.
    public let base: Scenario
    /// Each input with its moved-down and moved-up scenarios (nil where invalid).
    public let variants: [(input: SensitivityInput, low: Scenario?, high: Scenario?)]
    /// The relative step.
    package let step: Double
    /// The output measured.
    package let measure: OutputMeasure
    /// The paired differences the comparison keeps for the default output: only the one the
    /// effects report, as `sweep` keeps only its own, so that each moved scenario costs about one run.
    package static let differences = DifferenceSelection.only([.cumulativeNetOutflow])

    /// The paired differences the comparison keeps: only the measure's metric and the one it is
    /// read from (``differences`` for the default output), so that each moved scenario costs
    /// about one run.
    package var keptDifferences: DifferenceSelection {
        var kept: Set<Metric> = [measure.metric]
        if case .cell(let metric, _)? = try? measure.reading(for: base) { kept.insert(metric) }
        return .only(kept)
    }

    /// Prepares the analysis of the scenario file at `path`; `prepare` applies the command line's
    /// simulation settings to every scenario.
    package init(
        path: String, step: Double, loader: ScenarioLoader, measure: OutputMeasure? = nil,
        ranges: [String: ClosedRange<Double>] = [:], prepare: (Scenario) -> Scenario
    ) throws(ScenarioErrors) {
        try self.init(
            source: ScenarioLoader.readSource(path: path), step: step, loader: loader, measure: measure, ranges: ranges,
            prepare: prepare)
    }

    /// Prepares the analysis of a scenario file already read: the base and every moved scenario
    /// are parsed from `source`'s bytes, and the file is not read again.
    ///
    /// - Parameters:
    ///   - measure: the output; by default ``OutputMeasure/periodNetOutflow(of:)``.
    ///   - ranges: an input's own low and high values by its name, instead of ±`step`.
    package init(
        source: ScenarioSource, step: Double, loader: ScenarioLoader, measure: OutputMeasure? = nil,
        ranges: [String: ClosedRange<Double>] = [:], prepare: (Scenario) -> Scenario
    ) throws(ScenarioErrors) {
        let base = prepare(try loader.load(source: source))
        // `prepare` is the caller's code: its settings must keep the bounds of a scenario file.
        do {
            try base.validate()
        } catch {
            throw ScenarioErrors([error.scenarioError(file: source.path)])
        }
        self.base = base
        self.measure = measure ?? .periodNetOutflow(of: base)
        // The numbers of the effective scenario, which for a file that extends another include its base's.
        let yaml = try ScenarioLoader.effectiveYAML(of: source)
        self.step = step
        variants = SensitivityInput.all(inYAML: yaml, step: step, ranges: ranges).map { input in
            func scenario(_ value: Double?) -> Scenario? {
                guard let value else { return nil }
                let moved = try? prepare(loader.load(source: source, overrides: input.overrides(movedTo: value)))
                // A comparison needs the base's years; the years are never moved, so this only guards.
                return moved?.years == base.years ? moved : nil
            }
            return (input, scenario(input.low), scenario(input.high))
        }
    }

    /// Runs every moved scenario beside the unchanged one and returns the effects, largest first.
    ///
    /// - Parameters:
    ///   - threads: the worker threads; the effects do not depend on them.
    ///   - progress: called with the replications done so far.
    /// - Returns: one effect per input, largest first.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    public func run(threads: Int, progress: ((Int) -> Void)? = nil) throws(UnknownGeneratorError) -> [Effect] {
        var scenarios: [Scenario] = [base]
        var slots: [(low: Int?, high: Int?)] = []
        for variant in variants {
            let low = variant.low.map { scenarios.append($0); return scenarios.count - 1 }
            let high = variant.high.map { scenarios.append($0); return scenarios.count - 1 }
            slots.append((low, high))
        }
        // Every moved scenario covers the base's years (checked when it was made). The base runs
        // once, in lockstep with the moved scenarios.
        let comparison = try ComparisonEngine(
            variantsOf: base, variants: Array(scenarios.dropFirst()), differences: keptDifferences
        ).run(threads: threads, progress: progress)
        let base = self.base
        func change(_ slot: Int?, _ statistic: Statistic) -> MeasuredValue? {
            guard let slot else { return nil }
            var measure = self.measure
            measure.statistic = statistic
            return try? measure.change(in: comparison, index: slot, of: base)
        }
        let effects = zip(variants, slots).map { variant, slot -> Effect in
            let mean = (low: change(slot.low, .mean), high: change(slot.high, .mean))
            let p95 = (low: change(slot.low, .p95), high: change(slot.high, .p95))
            let own = (low: change(slot.low, measure.statistic), high: change(slot.high, measure.statistic))
            func larger(_ pair: (low: MeasuredValue?, high: MeasuredValue?)) -> Double? {
                abs(pair.low?.value ?? 0) >= abs(pair.high?.value ?? 0) ? pair.low?.mcse : pair.high?.mcse
            }
            return Effect(
                input: variant.input, low: variant.low == nil ? nil : variant.input.low,
                high: variant.high == nil ? nil : variant.input.high, meanChangeLow: mean.low?.value,
                meanChangeHigh: mean.high?.value, mcse: larger(mean), p95ChangeLow: p95.low?.value,
                p95ChangeHigh: p95.high?.value, changeLow: own.low?.value, changeHigh: own.high?.value,
                changeMCSE: larger(own))
        }
        return effects.sorted { $0.size > $1.size }
    }
}
