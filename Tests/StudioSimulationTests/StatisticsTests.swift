@testable import StudioSimulation
import Testing

@Suite("Streaming statistics")
struct StatisticsTests {
    @Test("Percentiles are the inverse empirical CDF, with mean, sd and MCSE")
    func oneToTwenty() {
        var statistics = MetricStatistics()
        for value in (1...20).reversed() { statistics.add(Double(value)) }
        let summary = statistics.summary()
        #expect(summary.count == 20)
        #expect(summary[.mean] == 10.5)
        #expect(abs(summary[.sd]! - 35.0.squareRoot()) < 1e-12)
        #expect(abs(summary[.mcse]! - (35.0 / 20).squareRoot()) < 1e-12)
        // The smallest v with at least ⌈q·20⌉ values ≤ v.
        #expect(summary[.p05] == 1)
        #expect(summary[.p25] == 5)
        #expect(summary[.p50] == 10)
        #expect(summary[.p75] == 15)
        #expect(summary[.p95] == 19)
        #expect(summary[.min] == 1)
        #expect(summary[.max] == 20)
    }

    @Test("A rank that is not whole rounds up: ⌈0.05·30⌉ = 2")
    func ceilingRank() {
        var statistics = MetricStatistics()
        for value in 1...30 { statistics.add(Double(value)) }
        #expect(statistics.summary()[.p05] == 2)
        #expect(statistics.summary()[.p95] == 29)
    }

    @Test("Missing values are left out of every statistic")
    func missingValues() {
        var statistics = MetricStatistics()
        for value in [1.0, .nan, 3.0] { statistics.add(value) }
        let summary = statistics.summary()
        #expect(summary.count == 2)
        #expect(summary[.mean] == 2)
        #expect(MetricStatistics().summary().values.isEmpty)
    }

    @Test(
        "The mean of a 0/1 indicator is exactly k/R, whichever value comes first and however the blocks merge",
        arguments: [(2410, 20000), (1, 3), (7, 10), (19_999, 20_000)])
    func indicatorMean(_ breaches: Int, _ replications: Int) {
        for firstIsBreach in [true, false] {
            var values = Array(repeating: 0.0, count: replications - breaches) + Array(repeating: 1.0, count: breaches)
            if firstIsBreach { values.reverse() }
            var single = MetricStatistics()
            for value in values { single.add(value) }
            var merged = MetricStatistics()
            for block in stride(from: 0, to: values.count, by: 1024) {
                var part = MetricStatistics()
                for value in values[block..<min(block + 1024, values.count)] { part.add(value) }
                merged.merge(part)
            }
            let expected = Double(breaches) / Double(replications)
            #expect(single.summary()[.mean] == expected, "first value \(values[0])")
            #expect(merged.summary()[.mean] == expected, "first value \(values[0])")
        }
    }

    @Test("A constant has sd exactly 0 and its mean exactly")
    func constant() {
        var statistics = MetricStatistics()
        for _ in 0..<1000 { statistics.add(4_659_265) }
        #expect(statistics.summary()[.sd] == 0)
        #expect(statistics.summary()[.mean] == 4_659_265)
    }

    @Test("Merging in order gives what adding in order gives")
    func mergeMatchesSequential() throws {
        let values = try RandomGenerator(generatorName: "mt19937", seed: 5).withStream { stream in
            (0..<5000).map { _ in (stream.uniform() * 50).rounded() * 100_000 }
        }
        var sequential = MetricStatistics()
        values.forEach { sequential.add($0) }
        var merged = MetricStatistics()
        for chunk in stride(from: 0, to: values.count, by: 1024) {
            var part = MetricStatistics()
            values[chunk..<min(chunk + 1024, values.count)].forEach { part.add($0) }
            merged.merge(part)
        }
        let a = sequential.summary()
        let b = merged.summary()
        for statistic in [Statistic.min, .p05, .p25, .p50, .p75, .p95, .max] { #expect(a[statistic] == b[statistic]) }
        #expect(abs(a[.mean]! - b[.mean]!) <= 1e-9 * abs(a[.mean]!))
        #expect(abs(a[.sd]! - b[.sd]!) <= 1e-9 * a[.sd]!)
    }

    @Test("Exact percentiles match sorting, for several seeds")
    func exactPercentilesMatchSorting() throws {
        for seed in UInt32(1)...20 {
            let values = try RandomGenerator(generatorName: "taus2", seed: seed).withStream { stream in
                (0..<(100 + Int(seed) * 37)).map { _ in Double(Int(stream.uniform() * 300)) }
            }
            var statistics = MetricStatistics()
            values.forEach { statistics.add($0) }
            let sorted = values.sorted()
            let summary = statistics.summary()
            for statistic in Statistic.allCases {
                guard let percent = statistic.percent else { continue }
                let rank = (percent * values.count + 99) / 100
                #expect(summary[statistic] == sorted[rank - 1], "seed \(seed), \(statistic)")
            }
        }
    }

    @Test("Past the distinct-value limit, memory stays bounded and percentiles stay within 0.1% of the range")
    func binnedPercentiles() throws {
        let values = try RandomGenerator(generatorName: "mt19937", seed: 11).withStream { stream in
            (0..<200_000).map { _ in stream.uniform() * 7_000_000 + 1_000_000 }
        }
        var distribution = ValueDistribution()
        var statistics = MetricStatistics()
        for value in values {
            distribution.add(value)
            statistics.add(value)
        }
        #expect(!distribution.isExact)
        #expect(distribution.occupied <= ValueDistribution.distinctLimit)
        let sorted = values.sorted()
        let range = sorted.last! - sorted.first!
        let summary = statistics.summary()
        for statistic in Statistic.allCases {
            guard let percent = statistic.percent else { continue }
            let exact = sorted[(percent * values.count + 99) / 100 - 1]
            #expect(abs(summary[statistic]! - exact) <= 0.001 * range, "\(statistic)")
        }
    }
}
