import StudioRules
package import StudioScenario

/// One catalog of the scenario format's key paths: what each means in Chinese and English,
/// whether the measures fix its value (with the article) or it is an assumption, and its
/// effective value in words. The workbook's assumptions sheet lists it; `explain` and the
/// README's scenario reference describe the same keys.
package enum ScenarioKeyCatalog {
    /// Where a key's value comes from.
    package enum Basis: Sendable, Hashable {
        /// The measures fix the value; the article, in Chinese and English.
        case measures(zh: String, en: String)
        /// An assumption of the scenario's author; the article of the rule it feeds, if any.
        case assumption(zh: String?, en: String?)
        /// A setting of the run, not of the programme.
        case setting
    }

    /// A key path of the scenario format.
    package struct Entry: Sendable {
        /// The key path, such as `programme.grant_yuan`.
        package let keyPath: String
        /// What the key means, in Chinese.
        package let zh: String
        /// What the key means, in English.
        package let en: String
        /// Whether the measures fix it.
        package let basis: Basis
        /// The effective value in words, or nil when the scenario has no such part.
        let value: @Sendable (Scenario, ScenarioExplanation) -> String?

        /// The effective value of the key in `scenario`, in words of `language`; nil when the
        /// scenario has no such part (no applicant pool, no budget).
        package func value(in scenario: Scenario, language: ScenarioExplanation.Language) -> String? {
            value(scenario, ScenarioExplanation(scenario: scenario, language: language))
        }
    }

    private static func art(_ zh: String, _ en: String) -> Basis { .measures(zh: zh, en: en) }
    private static func assumed(_ zh: String? = nil, _ en: String? = nil) -> Basis {
        .assumption(zh: zh, en: en)
    }

    /// Every key, in the order of the scenario reference.
    package static let entries: [Entry] = [
        Entry(keyPath: "name", zh: "情景名称", en: "the scenario's name", basis: .setting) { s, _ in s.name },
        Entry(keyPath: "start_year", zh: "首个预测年份", en: "the first forecast year", basis: .setting) { s, _ in
            String(s.startYear)
        },
        Entry(keyPath: "horizon_years", zh: "预测年数", en: "years forecast", basis: .setting) { s, _ in
            String(s.horizonYears)
        },
        Entry(
            keyPath: "simulation.replications", zh: "蒙特卡罗重复次数", en: "Monte Carlo replications",
            basis: .setting
        ) {
            s, _ in String(s.simulation.replications)
        },
        Entry(keyPath: "simulation.seed", zh: "随机种子", en: "the seed", basis: .setting) { s, _ in
            String(s.simulation.seed)
        },
        Entry(keyPath: "simulation.generator", zh: "GSL 随机数发生器", en: "the GSL generator", basis: .setting) {
            s, _ in
            s.simulation.generator
        },
        Entry(
            keyPath: "programme.grant_yuan", zh: "每个命名工作室的创建补助", en: "the grant per named studio",
            basis: art("第十一条", "Art. 11")
        ) { s, w in w.money(s.grantRules.grantYuan) },
        Entry(
            keyPath: "programme.tranche_shares", zh: "分笔拨付比例", en: "each tranche's share",
            basis: art("第十一条", "Art. 11")
        ) { s, w in
            s.grantRules.trancheShares.map(w.percent).joined(separator: w.language == .zh ? "、" : ", ")
        },
        Entry(
            keyPath: "programme.cycle_years", zh: "补助周期（年，含命名当年）", en: "the longest subsidy cycle, in years",
            basis: art("第十一条", "Art. 11")
        ) { s, _ in String(s.grantRules.cycleYears) },
        Entry(
            keyPath: "programme.strikes_in_cycle", zh: "周期内连续不合格即撤销的次数",
            en: "fails in a row that revoke in the cycle",
            basis: art("第十一条", "Art. 11")
        ) { s, _ in String(s.grantRules.strikesInCycle) },
        Entry(
            keyPath: "programme.strikes_post_cycle", zh: "周期后连续不合格即撤销的次数",
            en: "fails in a row that revoke after the cycle", basis: art("第十四条", "Art. 14")
        ) { s, _ in String(s.grantRules.strikesPostCycle) },
        Entry(
            keyPath: "programme.payment_lag_years", zh: "考评到拨付的间隔（年）",
            en: "years between earning and paying a tranche",
            basis: assumed()
        ) { s, _ in String(s.grantRules.paymentLagYears) },
        Entry(
            keyPath: "quota.per_year", zh: "年度命名名额", en: "studios named a year",
            basis: assumed("第七条", "Art. 7")
        ) {
            s, w in
            let years = w.byYear(s.quotaPerYear)
            return years.single { String($0) }
                ?? (w.language == .zh ? years.zh { "\($0) 个" } : years.en { String($0) })
        },
        Entry(
            keyPath: "assessment.pass_probability.in_cycle", zh: "补助周期内考评合格概率",
            en: "pass probability in the cycle",
            basis: assumed("第十一条", "Art. 11")
        ) { s, w in
            let list = w.cycleYearList(s.assessment.inCycle)
            return w.language == .zh ? list.zh : list.en
        },
        Entry(
            keyPath: "assessment.pass_probability.post_cycle", zh: "补助周期后考评合格概率",
            en: "pass probability after the cycle",
            basis: assumed("第十四条", "Art. 14")
        ) { s, w in w.percent(s.assessment.postCycle) },
        Entry(
            keyPath: "assessment.pass_probability.after_yellow_card", zh: "黄牌后考评合格概率",
            en: "pass probability after a yellow card", basis: assumed("第十一条", "Art. 11")
        ) { s, w in s.assessment.afterYellowCard.map(w.percent) ?? w.say("同所处阶段", "the phase's own") },
        Entry(
            keyPath: "assessment.heterogeneity", zh: "工作室合格率差异（Beta 集中度，0 为无）",
            en: "Beta concentration of the studios' own probabilities (0 = none)", basis: assumed()
        ) { s, w in w.number(s.assessment.heterogeneity) },
        Entry(
            keyPath: "assessment.year_shock_sd", zh: "逐年共同冲击（logit 标准差）",
            en: "sd of a common shock per year (logit)",
            basis: assumed()
        ) { s, w in w.number(s.assessment.yearShockSD) },
        Entry(
            keyPath: "assessment.model", zh: "考评模型", en: "the assessment model",
            basis: assumed("第十一条", "Art. 11")
        ) {
            s, w in
            switch s.assessment.model {
            case .probability: return w.say("合格概率", "pass probabilities")
            case .score(let passScore, let noiseSD):
                return w.say(
                    "分数：合格标准 \(w.number(passScore)) 分，年度误差标准差 \(w.number(noiseSD))",
                    "score: pass score \(w.number(passScore)), noise sd \(w.number(noiseSD))")
            }
        },
        Entry(
            keyPath: "existing_studios", zh: "预测前已命名的工作室", en: "studios named before the forecast",
            basis: assumed("第十一条", "Art. 11")
        ) { s, w in
            guard !s.existingStudios.isEmpty else { return w.say("无", "none") }
            return s.existingStudios.map { group in
                w.say(
                    "\(group.namedYear) 年 \(group.count) 个（已拨付 \(group.state.tranchesEarned) 笔\(group.state.consecutiveFails > 0 ? "，持黄牌" : "")）",
                    "\(group.count) named in \(group.namedYear) (\(group.state.tranchesEarned) tranche(s) paid\(group.state.consecutiveFails > 0 ? ", on a yellow card" : ""))"
                )
            }.joined(separator: w.language == .zh ? "；" : "; ")
        },
        Entry(
            keyPath: "applicants.pool", zh: "起始申报来源数（县区级以上命名的工作室）", en: "candidates at the start",
            basis: assumed("第二条", "Art. 2")
        ) { s, _ in s.applicants.map { $0.listed.isEmpty ? String($0.pool) : String($0.listed.count) } },
        Entry(
            keyPath: "applicants.new_per_year", zh: "每年新增申报来源（泊松均值）",
            en: "newly eligible a year (Poisson mean)",
            basis: assumed()
        ) { s, w in s.applicants.map { w.number($0.newPerYear) } },
        Entry(
            keyPath: "applicants.apply_probability", zh: "每年申报概率",
            en: "the chance a candidate applies in a year",
            basis: assumed("第六条", "Art. 6")
        ) { s, w in s.applicants.map { w.percent($0.applyProbability) } },
        Entry(
            keyPath: "applicants.improvement_per_year", zh: "候选每等待一年提高的质量分",
            en: "quality gained per year waiting",
            basis: assumed()
        ) { s, w in s.applicants.map { w.number($0.improvementPerYear) } },
        Entry(
            keyPath: "applicants.quality", zh: "候选质量分布（截断于 0–100）",
            en: "a candidate's quality, clipped to 0–100",
            basis: assumed()
        ) { s, w in s.applicants.map { "N(\(w.number($0.qualityMean)), \(w.number($0.qualitySD))²)" } },
        Entry(
            keyPath: "applicants.score_noise_sd", zh: "年度申报评分误差标准差",
            en: "sd of a year's application score noise",
            basis: assumed()
        ) { s, w in s.applicants.map { w.number($0.scoreNoiseSD) } },
        Entry(
            keyPath: "applicants.conditions", zh: "满足第二条六项条件的概率（全部满足）",
            en: "the chance all six conditions of Art. 2 are met", basis: assumed("第二条", "Art. 2")
        ) { s, w in s.applicants.map { w.percent($0.screeningPassProbability) } },
        Entry(
            keyPath: "selection.shortlist_score", zh: "入围标准（分）", en: "the shortlist standard (score)",
            basis: assumed("第七条", "Art. 7")
        ) { s, w in s.applicants == nil ? nil : w.number(s.selection.shortlistScore) },
        Entry(
            keyPath: "selection.objection_probability", zh: "公示期异议概率",
            en: "the chance of an objection in the public notice",
            basis: assumed("第七条", "Art. 7")
        ) { s, w in s.applicants == nil ? nil : w.percent(s.selection.objectionProbability) },
        Entry(
            keyPath: "selection.refill_after_objection", zh: "被异议名额是否递补",
            en: "whether a struck place is passed on",
            basis: assumed("第七条", "Art. 7")
        ) { s, w in
            s.applicants == nil
                ? nil : (s.selection.refillAfterObjection ? w.say("递补", "yes") : w.say("空缺", "no"))
        },
        Entry(
            keyPath: "subsidies.equipment.rate", zh: "设备补助比例", en: "the share of equipment cost subsidised",
            basis: art("第十二条第一款", "Art. 12.1")
        ) { s, w in s.subsidies.equipment.map { w.percent($0.rate) } },
        Entry(
            keyPath: "subsidies.equipment.purchase_probability", zh: "每年购置新设备概率",
            en: "the chance of buying equipment in a year",
            basis: assumed()
        ) { s, w in s.subsidies.equipment.map { w.percent($0.purchaseProbability) } },
        Entry(
            keyPath: "subsidies.equipment.median_yuan", zh: "设备费用（对数正态）", en: "equipment cost (log-normal)",
            basis: assumed()
        ) { s, w in
            s.subsidies.equipment.map {
                w.say(
                    "中位 \(w.money($0.medianYuan))，σ \(w.number($0.sigma))",
                    "median \(w.money($0.medianYuan)), σ \(w.number($0.sigma))")
            }
        },
        Entry(
            keyPath: "subsidies.training.amounts_yuan", zh: "技能等级提升每人补助",
            en: "yuan per person reaching each level",
            basis: art("第十二条第二款", "Art. 12.2")
        ) { s, w in
            s.subsidies.training.map { training in
                zip(SkillLevel.allCases, training.amountsYuan).map {
                    w.say(
                        "\($0.chineseName) \(w.money($1))",
                        "\($0.rawValue.replacingOccurrences(of: "_", with: " ")) \(w.money($1))")
                }.joined(separator: w.language == .zh ? "、" : ", ")
            }
        },
        Entry(
            keyPath: "subsidies.training.upgrades_per_studio_year", zh: "每个工作室每年技能升级人数（泊松均值合计）",
            en: "people upgraded per studio and year (Poisson means, summed)", basis: assumed()
        ) { s, w in s.subsidies.training.map { w.number($0.upgradesPerStudioYear.reduce(0, +)) } },
        Entry(
            keyPath: "subsidies.awards.kinds", zh: "创新成果等奖励（名额全部评出时每年合计）",
            en: "city awards a year when every slot is filled", basis: art("第十二条第三款", "Art. 12.3")
        ) { s, w in s.subsidies.awards.map { w.money($0.awards.fullTotal) } },
        Entry(
            keyPath: "subsidies.awards.entries_per_studio", zh: "每个工作室每年参评项数（泊松均值合计）",
            en: "entries per studio and year (Poisson means, summed)", basis: assumed()
        ) { s, w in s.subsidies.awards.map { w.number($0.entriesPerStudio.reduce(0, +)) } },
        Entry(
            keyPath: "fraud.detection_probability", zh: "已命名工作室每年被发现弄虚作假的概率",
            en: "the chance a named studio is found cheating in a year", basis: assumed("第十五条", "Art. 15")
        ) { s, w in w.percent(s.fraud.detectionProbability) },
        Entry(
            keyPath: "fraud.applicant_detection_probability", zh: "申报工作室每年被发现弄虚作假的概率",
            en: "the chance a candidate is found cheating in a year", basis: assumed("第十五条", "Art. 15")
        ) { s, w in w.percent(s.fraud.applicantDetectionProbability) },
        Entry(
            keyPath: "fraud.recover", zh: "弄虚作假时收回的资金", en: "what is recovered on fraud",
            basis: art("第十五条", "Art. 15")
        ) {
            s, w in
            s.fraud.recover == .all
                ? w.say("已拨付的补助资金全部收回（含第十二条补助）", "everything paid, Art. 12 subsidies included")
                : w.say("收回第十一条补助", "the Art. 11 tranches only")
        },
        Entry(keyPath: "budget.annual_yuan", zh: "年度预算", en: "the annual budget", basis: assumed()) { s, w in
            s.budget.annualYuan.map { annual in
                let years = w.byYear(annual)
                return years.single(w.money) ?? (w.language == .zh ? years.zh(w.money) : years.en(w.money))
            }
        },
        Entry(
            keyPath: "budget.period_yuan", zh: "每个预算期的预算", en: "the budget of each period", basis: assumed()
        ) { s, w in
            s.budget.periodYuan.map(w.money)
        },
        Entry(
            keyPath: "budget.period_years", zh: "预算期长度（年）", en: "years in a budget period", basis: assumed()
        ) { s, _ in
            String(s.budget.periodYears)
        },
        Entry(
            keyPath: "reporting.discount_rate", zh: "贴现率（每年）", en: "the yearly discount rate",
            basis: assumed()
        ) { s, w in
            w.percent(s.budget.discountRate)
        },
        Entry(
            keyPath: "reporting.planning_percentile", zh: "预算表的审慎水平（百分位）",
            en: "the budget request's prudent level (percentile)", basis: .setting
        ) { s, _ in "P\(s.budget.planningPercentile)" },
    ]
}

extension ScenarioExplanation {
    /// `zh` or `en` by the explanation's language.
    func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Yuan in the explanation's language: 万元 in Chinese, grouped yuan in English.
    func money(_ value: Double) -> String { language == .zh ? yuan(value) : yuanEN(value) }
}
