public import StudioScenario

/// Moves each number of a scenario down and up by a step and measures what it does to the
/// period's net outflow, on common random numbers (`studio-forecast sensitivity`, a tornado).
///
/// The period's net outflow is `cumulative_net_outflow` at the end of the first budget period
/// (or of the horizon, if shorter). Each change is the paired difference of its mean against the
/// unchanged scenario, with its MCSE, and the change in its P95.
public struct SensitivityAnalysis: Sendable {
    /// One parameter's effect.
    public struct Effect: Sendable, Hashable {
        /// The parameter moved.
        public var parameter: NumericParameter
        /// Its values moved down and up (nil when the moved value is not a valid scenario).
        public var low: Double?
        /// The value moved up.
        public var high: Double?
        /// Paired change of the period's mean net outflow, moved down and up.
        public var meanChangeLow: Double?
        /// Moved up.
        public var meanChangeHigh: Double?
        /// The MCSE of the larger paired change.
        public var mcse: Double?
        /// Change of the period's P95 net outflow, moved down and up.
        public var p95ChangeLow: Double?
        /// Moved up.
        public var p95ChangeHigh: Double?

        /// The larger absolute change of the mean, the tornado's sort key.
        public var size: Double { max(abs(meanChangeLow ?? 0), abs(meanChangeHigh ?? 0)) }
    }

    /// The unchanged scenario.
    public let base: Scenario
    /// Each parameter with its moved-down and moved-up scenarios (nil where invalid).
    public let variants: [(parameter: NumericParameter, low: Scenario?, high: Scenario?)]
    /// The relative step.
    public let step: Double
    /// The paired differences the comparison keeps: only the one the effects report, as `sweep`
    /// keeps only its own, so that each moved scenario costs about one run.
    public static let differences = DifferenceSelection.only([.cumulativeNetOutflow])

    /// Prepares the analysis of the scenario file at `path`; `prepare` applies the command line's
    /// simulation settings to every scenario.
    public init(
        path: String, step: Double, loader: ScenarioLoader, prepare: (Scenario) -> Scenario
    ) throws(ScenarioErrors) {
        try self.init(source: ScenarioLoader.readSource(path: path), step: step, loader: loader, prepare: prepare)
    }

    /// Prepares the analysis of a scenario file already read: the base and every moved scenario
    /// are parsed from `source`'s bytes, and the file is not read again.
    public init(
        source: ScenarioSource, step: Double, loader: ScenarioLoader, prepare: (Scenario) -> Scenario
    ) throws(ScenarioErrors) {
        let base = prepare(try loader.load(source: source))
        self.base = base
        // The numbers of the effective scenario, which for a file that extends another include its base's.
        let yaml = try ScenarioLoader.effectiveYAML(of: source)
        self.step = step
        variants = NumericParameter.all(inYAML: yaml).map { parameter in
            func scenario(_ direction: Double) -> Scenario? {
                let value = parameter.moved(by: step, direction: direction)
                guard value != parameter.value else { return nil }
                let text = NumericParameter.text(value)
                let moved = try? prepare(
                    loader.load(source: source, overrides: [ScenarioOverride(keyPath: parameter.keyPath, value: text)]))
                // A comparison needs the base's years; the years are never moved, so this only guards.
                return moved?.years == base.years ? moved : nil
            }
            return (parameter, scenario(-1), scenario(1))
        }
    }

    /// Runs every moved scenario beside the unchanged one and returns the effects, largest first.
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
            variantsOf: base, variants: Array(scenarios.dropFirst()), differences: Self.differences
        ).run(threads: threads, progress: progress)
        let year = base.startYear + PrecisionTarget.periodEnd(of: base)
        let baseP95 = comparison.forecasts[0].summary(year: year, metric: .cumulativeNetOutflow)?[.p95]
        func change(_ slot: Int?) -> (mean: Double?, mcse: Double?, p95: Double?) {
            guard let slot else { return (nil, nil, nil) }
            let cell = comparison.differences[slot - 1].cell(year: year, metric: .cumulativeNetOutflow)
            let p95 = comparison.forecasts[slot].summary(year: year, metric: .cumulativeNetOutflow)?[.p95]
            return (cell?.summary[.mean], cell?.summary[.mcse], p95.flatMap { value in baseP95.map { value - $0 } })
        }
        let effects = zip(variants, slots).map { variant, slot -> Effect in
            let low = change(slot.low)
            let high = change(slot.high)
            let mcse = abs(low.mean ?? 0) >= abs(high.mean ?? 0) ? low.mcse : high.mcse
            return Effect(
                parameter: variant.parameter, low: variant.low.map { _ in variant.parameter.moved(by: step, direction: -1) },
                high: variant.high.map { _ in variant.parameter.moved(by: step, direction: 1) },
                meanChangeLow: low.mean, meanChangeHigh: high.mean, mcse: mcse, p95ChangeLow: low.p95,
                p95ChangeHigh: high.p95)
        }
        return effects.sorted { $0.size > $1.size }
    }
}
