import StudioRules
import StudioScenario

/// Fraud (Art. 15) and the Art. 12 subsidies within a replication.
extension ProgrammeSimulator {
    /// Keeps an earned tranche so that fraud can recover or cancel it; only when fraud is modelled.
    @inline(__always)
    mutating func schedule(_ step: LifecycleStep, studio: Int, year: Int) {
        guard yearly.hasFraud, let tranche = step.earnedTranche else { return }
        scheduled.append(
            ScheduledPayment(
                studio: Int32(studio), tranche: Int16(tranche),
                paymentYear: Int16(year + lifecycles[studios[studio].ruleSet].rules.paymentLagYears)))
    }

    /// Each named, unrevoked studio is found cheating with the detection probability (one uniform
    /// each, in naming order): its naming is revoked and what was paid to it recovered in this
    /// year (Art. 15); tranches earned but not yet paid are not paid. Returns how many were found.
    mutating func detectFraud(year: Int, ledger: inout ReplicationLedger, trace: TraceLog?) -> Int {
        let probability = yearly.fraudProbability[year]
        var found = 0
        for index in studios.indices where !studios[index].state.isRevoked {
            guard streams[studios[index].lifecycleStream].uniform() < probability else { continue }
            found += 1
            let ruleSet = studios[index].ruleSet
            let step = lifecycles[ruleSet].revokeForFraud(studios[index].state)
            studios[index].state = step.state
            var recovered = studios[index].grantPaidBefore
            var cancelled: [(tranche: Int, paymentYear: Int)] = []
            for payment in scheduled where payment.studio == index {
                if Int(payment.paymentYear) < year {
                    recovered += lifecycles[ruleSet].rules.trancheAmount(Int(payment.tranche))
                } else {
                    cancelled.append((Int(payment.tranche), Int(payment.paymentYear)))
                }
            }
            if scenario.fraud.recover == .all { recovered += studios[index].subsidiesPaid }
            ledger.recordFraud(
                step, year: year, cohort: studios[index].cohort, recovered: recovered, cancelled: cancelled, ruleSet: ruleSet)
            trace?.append(
                TraceEvent(
                    year: scenario.startYear + year, studio: label(studios[index]), kind: .fraud(recovered: recovered)))
        }
        return found
    }

    /// Pays the Art. 12 subsidies of `year` to the studios active at its end, drawing in this
    /// order: for each active studio in naming order, whether it buys new equipment (one uniform)
    /// and the cost (log-normal), then, if named this year, whether it declares old equipment and
    /// its assessed value, then each skill level's upgrades (Poisson); then for each kind of
    /// award, the year's entries (Poisson with mean entries per studio × active studios) and, for
    /// each prize awarded from the top down, the studio that wins it (one uniform).
    mutating func paySubsidies(year: Int, namedFrom firstNamed: Int, ledger: inout ReplicationLedger, trace: TraceLog?) {
        let subsidies = yearly.subsidies[year]
        guard subsidies.equipment != nil || subsidies.training != nil || subsidies.awards != nil else { return }
        activeIndices.removeAll(keepingCapacity: true)
        for index in studios.indices where !studios[index].state.isRevoked {
            activeIndices.append(index)
            if studios[index].subsidyStream < 0 {
                studios[index].subsidyStream = streams.newStream(for: .studioSubsidies(studios[index].key))
            }
            let stream = streams[studios[index].subsidyStream]
            var equipmentYuan = 0.0
            if let equipment = subsidies.equipment {
                if equipment.purchaseProbability > 0 && stream.uniform() < equipment.purchaseProbability {
                    equipmentYuan += equipment.rate * stream.lognormal(median: equipment.medianYuan, sigma: equipment.sigma)
                }
                if index >= firstNamed, let old = equipment.oldEquipment, old.probability > 0,
                    old.probability >= 1 || stream.uniform() < old.probability
                {
                    equipmentYuan += equipment.rate * stream.lognormal(median: old.medianAssessedYuan, sigma: old.sigma)
                }
            }
            var trainingYuan = 0.0
            if let training = subsidies.training {
                for (mean, amount) in zip(training.upgradesPerStudioYear, training.amountsYuan) where mean > 0 {
                    trainingYuan += Double(stream.poisson(mean: mean)) * amount
                }
            }
            pay(.equipment, equipmentYuan, to: index, year: year, ledger: &ledger, trace: trace)
            pay(.training, trainingYuan, to: index, year: year, ledger: &ledger, trace: trace)
        }
        guard let awards = subsidies.awards, !activeIndices.isEmpty else { return }
        for (index, (kind, perStudio)) in zip(awards.awards.kinds, awards.entriesPerStudio).enumerated() where perStudio > 0 {
            let stream = streams[.awards(kind: index)]
            let entries = stream.poisson(mean: perStudio * Double(activeIndices.count))
            for slot in 0..<min(entries, kind.slots) {
                let winner = activeIndices[min(Int(stream.uniform() * Double(activeIndices.count)), activeIndices.count - 1)]
                pay(.award, kind.prize(slot: slot), to: winner, year: year, ledger: &ledger, trace: trace)
            }
        }
    }

    @inline(__always)
    private mutating func pay(
        _ kind: SubsidyKind, _ yuan: Double, to index: Int, year: Int, ledger: inout ReplicationLedger, trace: TraceLog?
    ) {
        guard yuan > 0 else { return }
        studios[index].subsidiesPaid += yuan
        ledger.recordSubsidy(kind, yuan: yuan, year: year)
        trace?.append(TraceEvent(year: scenario.startYear + year, studio: label(studios[index]), kind: .subsidy(kind, yuan: yuan)))
    }
}
