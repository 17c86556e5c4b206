import StudioScenario

/// The assumptions given as distributions, in plain words.
extension ScenarioExplanation {
    /// One line per uncertain input: its key path and its distribution in words; the lines
    /// above give each such value's central number (the mean, middle, mode or median).
    package func uncertainLines() -> [String] {
        guard scenario.hasUncertainInputs else { return [] }
        let inputs = scenario.uncertainInputs.inputs
        var lines = [
            language == .zh
                ? "以下 \(inputs.count) 项假设不确定，每次模拟（replication）各抽取一次，上文给出其中心值："
                : "\(inputs.count) assumption(s) are uncertain, each drawn once per replication; the lines above give each one's central value:"
        ]
        for input in inputs {
            lines.append("  \(input.keyPath): " + (language == .zh ? Self.chinese(input.distribution) : input.distribution.words))
        }
        return lines
    }

    /// A distribution in Chinese words.
    static func chinese(_ distribution: InputDistribution) -> String {
        func f(_ x: Double) -> String { PlainNumber.format(x) }
        switch distribution {
        case .beta(let mean, let sd): return "Beta 分布，均值 \(f(mean))，标准差 \(f(sd))"
        case .uniform(let min, let max): return "均匀分布，\(f(min)) 至 \(f(max))"
        case .triangular(let min, let mode, let max): return "三角分布，\(f(min)) 至 \(f(max))，最可能 \(f(mode))"
        case .normal(let mean, let sd, let bounds):
            return "正态分布，均值 \(f(mean))，标准差 \(f(sd))，截断于 \(f(bounds.lowerBound))–\(f(bounds.upperBound))"
        case .lognormal(let median, let sigma): return "对数正态分布，中位数 \(f(median))，σ \(f(sigma))（对数的标准差）"
        }
    }
}
