public import StudioScenario
import StudioRules

/// A scenario in plain words, so that a reader can confirm the tool understood it
/// (`studio-forecast explain`); each line cites the article of the measures it rests on.
public struct ScenarioExplanation: Sendable {
    /// The language of the explanation.
    public enum Language: String, Sendable, CaseIterable {
        /// Chinese, the programme's own language.
        case zh
        /// English.
        case en
    }

    /// The scenario explained.
    package let scenario: Scenario
    /// The language.
    package let language: Language

    /// Creates an explanation.
    ///
    /// - Parameters:
    ///   - scenario: the scenario explained.
    ///   - language: the language.
    public init(scenario: Scenario, language: Language = .zh) {
        self.scenario = scenario
        self.language = language
    }

    /// One line per rule, each ending with its article.
    ///
    /// A value scheduled by calendar year gives one line per stretch of years with the same rule
    /// (`2026–2028 年：…`, `2029 年起：…`); grant rules scheduled by cohort give the grant's lines
    /// once per rule set, with the cohorts it covers (`2028 年起命名的工作室：…`).
    ///
    /// - Returns: the lines, in the order of the measures.
    public func lines() -> [String] {
        var lines: [String] = []
        func say(_ zh: String, _ en: String) { lines.append(language == .zh ? zh : en) }
        let views = scenario.calendarSchedules.isEmpty ? [] : scenario.yearViews
        /// Runs `block` for the scenario in force in each year, and says each of its lines once
        /// per stretch of years that gives the same line (the whole block's lines together when
        /// some year says more lines than another).
        func eachYear(_ block: (Scenario) -> Void) {
            guard !views.isEmpty else { return block(scenario) }
            let before = lines.count
            var said: [[String]] = []
            for view in views {
                block(view)
                said.append(Array(lines[before...]))
                lines.removeSubrange(before...)
            }
            func tell(_ texts: [[String]]) {
                var runs: [(years: Range<Int>, lines: [String])] = []
                for (offset, text) in texts.enumerated() {
                    let year = scenario.startYear + offset
                    if let last = runs.last, last.lines == text {
                        runs[runs.count - 1].years = last.years.lowerBound..<(year + 1)
                    } else {
                        runs.append((year..<(year + 1), text))
                    }
                }
                guard runs.count > 1 else { return lines += runs.first?.lines ?? [] }
                for run in runs {
                    let prefix = yearsPrefix(run.years, isLast: run.years.upperBound == scenario.years.upperBound)
                    lines += run.lines.map { prefix + $0 }
                }
            }
            guard said.allSatisfy({ $0.count == said[0].count }) else { return tell(said) }
            for line in said[0].indices { tell(said.map { [$0[line]] }) }
        }
        let s = scenario
        let last = s.startYear + s.horizonYears - 1
        say("情景“\(s.name)”：预测 \(s.startYear)–\(last) 年，共 \(s.horizonYears) 年。", "Scenario \"\(s.name)\": forecasts \(s.startYear)–\(last), \(s.horizonYears) years.")
        let quotas = byYear(s.quotaPerYear)
        say(
            "年度创建任务数量（名额）：\(quotas.single { "每年 \($0) 个" } ?? quotas.zh { "\($0) 个" })（第七条）。",
            "Annual quota of namings: \(quotas.single { "\($0) a year" } ?? quotas.en { "\($0)" }) (Art. 7).")
        // The grant's lines under each cohort rule set; a line the same under every set is said once.
        let cohortRules = s.cohortRules
        var cohortLines: [[String]] = []
        for rules in cohortRules.values {
            let before = lines.count
            let tranches = (0..<rules.trancheCount).map { yuan(rules.trancheAmount($0)) }
            say(
                "每个命名工作室补助 \(yuan(rules.grantYuan))，分 \(rules.trancheCount) 次拨付（\(tranches.joined(separator: "、"))）；补助周期最长 \(rules.cycleYears) 年，含命名当年；命名当年拨付第一笔\(rules.paymentLagYears > 0 ? "，每笔在考评后 \(rules.paymentLagYears) 年拨付" : "")（第十一条）。",
                "Each named studio is granted \(yuanEN(rules.grantYuan)) in \(rules.trancheCount) tranches (\((0..<rules.trancheCount).map { yuanEN(rules.trancheAmount($0)) }.joined(separator: ", "))) over a cycle of at most \(rules.cycleYears) years counting the naming year; the first tranche in the naming year\(rules.paymentLagYears > 0 ? ", each paid \(rules.paymentLagYears) year(s) after the assessment earning it" : "") (Art. 11)."
            )
            say(
                "补助周期内每年考评：合格拨付下一笔；不合格给予黄牌警告，连续 \(rules.strikesInCycle) 次不合格撤销命名并摘牌（第十一条）。",
                "Each later year of the cycle holds an assessment: a pass earns the next tranche; a fail brings a yellow card, and \(rules.strikesInCycle) fails in a row revoke the naming (Art. 11).")
            let postStrikes = rules.strikesPostCycle
            say(
                "补助周期结束后每年考评，\(postStrikes == 1 ? "1 次不合格即" : "连续 \(postStrikes) 次不合格")撤销命名（第十四条）。",
                "After the cycle the studio is assessed every year; \(postStrikes == 1 ? "one fail revokes it" : "\(postStrikes) fails in a row revoke it") (Art. 14).")
            cohortLines.append(Array(lines[before...]))
            lines.removeSubrange(before...)
        }
        for line in cohortLines[0].indices {
            let texts = cohortLines.map { $0[line] }
            if texts.allSatisfy({ $0 == texts[0] }) {
                lines.append(texts[0])
            } else {
                lines += texts.enumerated().map { cohortPrefix(entry: $0.offset) + $0.element }
            }
        }
        eachYear { s in
            let a = s.assessment
            switch a.model {
            case .probability:
                let inCycle = cycleYearList(a.inCycle)
                say(
                    "考评合格概率：\(inCycle.zh)，周期后 \(percent(a.postCycle))\(a.afterYellowCard.map { "，黄牌后 \(percent($0))" } ?? "")\(a.heterogeneity > 0 ? "；各工作室合格率不同（Beta 集中度 \(number(a.heterogeneity))）" : "")\(a.yearShockSD > 0 ? "；逐年共同冲击（logit 标准差 \(number(a.yearShockSD))）" : "")（第十一条、第十四条）。",
                    "Pass probabilities: \(inCycle.en), \(percent(a.postCycle)) after the cycle\(a.afterYellowCard.map { ", \(percent($0)) on a yellow card" } ?? "")\(a.heterogeneity > 0 ? "; studios differ (Beta concentration \(number(a.heterogeneity)))" : "")\(a.yearShockSD > 0 ? "; a common shock each year (logit sd \(number(a.yearShockSD)))" : "") (Art. 11, 14).")
            case .score(let passScore, let noiseSD):
                say(
                    "考评按分数评定：工作室质量加年度误差（标准差 \(number(noiseSD))）达到合格标准 \(number(passScore)) 分为合格（第十一条、第十四条）。",
                    "Assessment by score: a studio passes when its quality plus the year's noise (sd \(number(noiseSD))) reaches the pass score of \(number(passScore)) (Art. 11, 14).")
            }
            if let pool = s.applicants {
                let start = pool.listed.isEmpty ? "\(pool.pool) 个" : "名单中的 \(pool.listed.count) 个"
                say(
                    "申报来源为已获县区级以上命名的工作室：起始 \(start)，每年新增约 \(number(pool.newPerYear)) 个，每年申报概率 \(percent(pool.applyProbability))；六项条件全部满足的概率 \(percent(pool.screeningPassProbability))（第二条、第七条）。",
                    "Candidates are studios already named at county level or above: \(pool.listed.isEmpty ? "\(pool.pool)" : "\(pool.listed.count) listed") at the start, about \(number(pool.newPerYear)) new a year, applying with probability \(percent(pool.applyProbability)); all six conditions met with probability \(percent(pool.screeningPassProbability)) (Art. 2, 7).")
                say(
                    "评分：质量均值 \(number(pool.qualityMean))、标准差 \(number(pool.qualitySD))；入围标准 \(number(s.selection.shortlistScore)) 分，按分数排序在名额内命名；公示异议概率 \(percent(s.selection.objectionProbability))，被异议名额\(s.selection.refillAfterObjection ? "由下一名递补" : "空缺")（第七条）。",
                    "Scores: quality mean \(number(pool.qualityMean)), sd \(number(pool.qualitySD)); shortlist standard \(number(s.selection.shortlistScore)); ranked and named within the quota; objection probability \(percent(s.selection.objectionProbability)), a struck place \(s.selection.refillAfterObjection ? "passed to the next" : "left empty") (Art. 7).")
            } else {
                say("每年名额全部用满（未模拟申报来源）（第七条）。", "Every quota place is filled every year (no applicant pool modelled) (Art. 7).")
            }
            if let equipment = s.subsidies.equipment {
                say(
                    "设备补助：新购设备费用的 \(percent(equipment.rate))，每年购置概率 \(percent(equipment.purchaseProbability))，中位费用 \(yuan(equipment.medianYuan))\(equipment.oldEquipment.map { "；命名时原有设备按评估净值的 \(percent(equipment.rate))（申报概率 \(percent($0.probability))，中位 \(yuan($0.medianAssessedYuan))）" } ?? "")（第十二条第一款）。",
                    "Equipment: \(percent(equipment.rate)) of new equipment's cost, bought with probability \(percent(equipment.purchaseProbability)) a year at a median \(yuanEN(equipment.medianYuan))\(equipment.oldEquipment.map { "; old equipment at naming at the same rate of its assessed value (probability \(percent($0.probability)), median \(yuanEN($0.medianAssessedYuan)))" } ?? "") (Art. 12.1).")
            }
            if let training = s.subsidies.training {
                say(
                    "技能人才培训升级补助：每个工作室每年平均 \(number(training.upgradesPerStudioYear.reduce(0, +))) 人升级，每人补助\(zip(SkillLevel.allCases, training.amountsYuan).map { "\($0.chineseName) \(yuan($1))" }.joined(separator: "、"))，期望每年 \(yuan(training.expectedYuanPerStudioYear))（第十二条第二款）。",
                    "Skill upgrades: on average \(number(training.upgradesPerStudioYear.reduce(0, +))) people a studio a year, paid per person by level (\(zip(SkillLevel.allCases, training.amountsYuan).map { "\($0.rawValue.replacingOccurrences(of: "_", with: " ")) \(yuanEN($1))" }.joined(separator: ", "))), about \(yuanEN(training.expectedYuanPerStudioYear)) a studio a year (Art. 12.2).")
            }
            if let awards = s.subsidies.awards {
                say(
                    "每年创新成果等奖励：名额全部评出时共 \(yuan(awards.awards.fullTotal))，由在册工作室参评，参评不足时空缺（第十二条第三款）。",
                    "City awards: \(yuanEN(awards.awards.fullTotal)) a year when every slot is filled, entered by active studios; slots without an entry stay unawarded (Art. 12.3).")
            }
            if s.fraud.detectionProbability > 0 {
                say(
                    "已命名工作室弄虚作假：每年发现概率 \(percent(s.fraud.detectionProbability))，撤销命名并摘牌、不得再次申报，\(s.fraud.recover == .all ? "已拨付的补助资金全部收回（含第十二条补助）" : "收回已拨付的第十一条补助资金（不含第十二条补助）")（第十五条）。",
                    "Fraud by a named studio: found with probability \(percent(s.fraud.detectionProbability)) a year; the naming is revoked, the studio may never apply again, and \(s.fraud.recover == .all ? "all the subsidy funds paid to it are recovered, the Art. 12 subsidies included" : "the Art. 11 grant tranches paid to it are recovered, not the Art. 12 subsidies") (Art. 15).")
            }
            if s.fraud.applicantDetectionProbability > 0 {
                say(
                    "申报工作室弄虚作假：每年发现概率 \(percent(s.fraud.applicantDetectionProbability))，取消申评资格并永久不得再次申报（第十五条）。",
                    "Fraud by a candidate: found with probability \(percent(s.fraud.applicantDetectionProbability)) a year; it is disqualified and may never apply again (Art. 15).")
            }
        }
        eachYear { s in
            if let annual = s.budget.annualYuan {
                let budgets = byYear(annual)
                say(
                    "年度预算 \(budgets.single(yuan) ?? budgets.zh(yuan))\(s.budget.periodYuan.map { "；每 \(s.budget.periodYears) 年预算 \(yuan($0))" } ?? "")；贴现率 \(percent(s.budget.discountRate))。",
                    "Annual budget \(budgets.single(yuanEN) ?? budgets.en(yuanEN))\(s.budget.periodYuan.map { "; \(yuanEN($0)) per \(s.budget.periodYears)-year period" } ?? ""); discount rate \(percent(s.budget.discountRate)).")
            }
        }
        for group in s.existingStudios {
            say(
                "已命名工作室：\(group.namedYear) 年命名 \(group.count) 个，已拨付 \(group.tranchesPaid) 笔\(group.tranchesAwaitingPayment > 0 ? "，另有 \(group.tranchesAwaitingPayment) 笔已获得、在预测期内拨付" : "")\(group.state.phase == .postCycle ? "，补助周期已结束" : "")\(group.state.consecutiveFails > 0 ? "，持黄牌" : "")\(group.subsidiesPaidYuan > 0 ? "，每个已获第十二条补助 \(yuan(group.subsidiesPaidYuan))（第十一条、第十二条）" : "（第十一条）")。",
                "Already named: \(group.count) in \(group.namedYear), \(group.tranchesPaid) tranche(s) paid\(group.tranchesAwaitingPayment > 0 ? " and \(group.tranchesAwaitingPayment) more earned, paid in the forecast" : "")\(group.state.phase == .postCycle ? ", cycle ended" : "")\(group.state.consecutiveFails > 0 ? ", on a yellow card" : "")\(group.subsidiesPaidYuan > 0 ? ", \(yuanEN(group.subsidiesPaidYuan)) of Art. 12 subsidies paid to each (Art. 11, 12)" : " (Art. 11)").")
        }
        return lines + uncertainLines()
    }

    /// A list of values, one per forecast year, labelled with the years; or the one value when
    /// every year has the same.
    struct YearList<Value: Equatable> {
        let firstYear: Int
        let values: [Value]

        /// The single value of every year, if there is one.
        func single(_ text: (Value) -> String) -> String? {
            guard let first = values.first, values.allSatisfy({ $0 == first }) else { return nil }
            return text(first)
        }

        /// The stretches of years with the same value, in order.
        var runs: [(first: Int, last: Int, value: Value)] {
            var runs: [(first: Int, last: Int, value: Value)] = []
            for (offset, value) in values.enumerated() {
                if let last = runs.last, last.value == value {
                    runs[runs.count - 1].last = firstYear + offset
                } else {
                    runs.append((firstYear + offset, firstYear + offset, value))
                }
            }
            return runs
        }

        /// `2026 年 5 个，2027 年 6 个`; a stretch of years with the same value is written
        /// `2026–2027 年每年 5 个`, or `2028 年起每年 8 个` when it runs to the last year.
        func zh(_ text: (Value) -> String) -> String {
            let lastYear = firstYear + values.count - 1
            return runs.map { run in
                if run.first == run.last { return "\(run.first) 年 \(text(run.value))" }
                if run.last == lastYear { return "\(run.first) 年起每年 \(text(run.value))" }
                return "\(run.first)–\(run.last) 年每年 \(text(run.value))"
            }.joined(separator: "，")
        }

        /// `5 in 2026, 6 in 2027`; a stretch of years is `5 a year in 2026–2027`, or
        /// `8 a year from 2028` when it runs to the last year.
        func en(_ text: (Value) -> String) -> String {
            let lastYear = firstYear + values.count - 1
            return runs.map { run in
                if run.first == run.last { return "\(text(run.value)) in \(run.first)" }
                if run.last == lastYear { return "\(text(run.value)) a year from \(run.first)" }
                return "\(text(run.value)) a year in \(run.first)–\(run.last)"
            }.joined(separator: ", ")
        }
    }

    /// `2026–2027 年：`, `2028 年起：` (a stretch running to the last year), `2026 年：`.
    func yearsPrefix(_ years: Range<Int>, isLast: Bool) -> String {
        let first = years.lowerBound
        let last = years.upperBound - 1
        if language == .en {
            if first == last { return "In \(first): " }
            return isLast ? "From \(first): " : "In \(first)–\(last): "
        }
        if first == last { return "\(first) 年：" }
        return isLast ? "\(first) 年起：" : "\(first)–\(last) 年："
    }

    /// The cohorts a cohort rule set covers: `2028 年以前命名的工作室：`, `2028 年起命名的工作室：`,
    /// `2028–2029 年命名的工作室：`.
    func cohortPrefix(entry: Int) -> String {
        let years = scenario.cohortRules.years
        let from = years[entry]
        if entry == 0, years.count > 1 {
            return language == .zh ? "\(years[1]) 年以前命名的工作室：" : "Studios named before \(years[1]): "
        }
        if entry + 1 == years.count {
            return language == .zh ? "\(from) 年起命名的工作室：" : "Studios named from \(from): "
        }
        let last = years[entry + 1] - 1
        let span = from == last ? "\(from)" : "\(from)–\(last)"
        return language == .zh ? "\(span) 年命名的工作室：" : "Studios named in \(span): "
    }

    func byYear<Value: Equatable>(_ values: [Value]) -> YearList<Value> {
        YearList(firstYear: scenario.startYear, values: values)
    }

    /// In-cycle pass probabilities: one figure, or one per cycle year from year 2, labelled.
    func cycleYearList(_ values: [Double]) -> (zh: String, en: String) {
        guard values.count > 1 else {
            let all = values.first.map(percent) ?? ""
            return ("周期内 \(all)", "\(all) in the cycle")
        }
        let zh = values.enumerated().map { "\($0.offset == 0 ? "补助周期" : "")第 \($0.offset + 2) 年 \(percent($0.element))" }
        let en = values.enumerated().map { "\(percent($0.element)) in cycle year \($0.offset + 2)" }
        return (zh.joined(separator: "，"), en.joined(separator: ", "))
    }

    /// Yuan as a planner writes them in Chinese: 万元 from 10,000, 亿元 from 100,000,000.
    func yuan(_ value: Double) -> String {
        if abs(value) >= 100_000_000 { return number(value / 100_000_000) + " 亿元" }
        if abs(value) >= 10_000 { return number(value / 10_000) + " 万元" }
        return number(value) + " 元"
    }

    func yuanEN(_ value: Double) -> String { PlainNumber.grouped(value) + " yuan" }

    func percent(_ value: Double) -> String { number(value * 100) + "%" }

    func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return PlainNumber.format(rounded)
    }
}
