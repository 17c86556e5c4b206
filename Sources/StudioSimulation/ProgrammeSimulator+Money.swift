import StudioRules
import StudioScenario

/// Fraud (Art. 15) and the Art. 12 subsidies within a replication.
extension ProgrammeSimulator {
    /// Keeps tranche `tranche` (0-based) earned by studio `studio`, paid in forecast year
    /// `paymentYear`, so that fraud can recover or cancel it; called only when fraud is modelled.
    @inline(__always)
    mutating func schedule(tranche: Int, studio: Int, paymentYear: Int) {
        scheduled.append(
            ScheduledPayment(studio: Int32(studio), tranche: Int16(tranche), paymentYear: Int16(paymentYear)))
    }

    /// Each named, unrevoked studio is found cheating with the detection probability (one uniform
    /// each, in naming order): its naming is revoked and what was paid to it recovered in this
    /// year (Art. 15); tranches earned but not yet paid are not paid. Returns how many were found.
    mutating func detectFraud(year: Int, ledger: inout ReplicationLedger, trace: TraceLog?) -> Int {
        let probability = yearly.fraudProbability[year]
        var found = 0
        for index in 0..<studios.count where table.flags[Int(studios.state[index])] & LifecycleTable.Flag.revoked == 0 {
            guard studios.lifecycle[index].uniform() < probability else { continue }
            found += 1
            let ruleSet = studios.ruleSet[index]
            let state = Int(studios.state[index])
            let step = lifecycles[ruleSet].revokeForFraud(table.states[state])
            studios.state[index] = table.fraudNext[state]
            var recovered = studios.grantPaidBefore[index]
            var cancelled: [(tranche: Int, paymentYear: Int)] = []
            for payment in scheduled where payment.studio == index {
                if Int(payment.paymentYear) < year {
                    recovered += lifecycles[ruleSet].rules.trancheAmount(Int(payment.tranche))
                } else {
                    cancelled.append((Int(payment.tranche), Int(payment.paymentYear)))
                }
            }
            if scenario.fraud.recover == .all { recovered += studios.subsidiesPaid[index] }
            let cohort = studios.cohort[index]
            ledger.recordFraud(
                step, year: year, cohort: cohort >= 0 ? cohort : nil, recovered: recovered, cancelled: cancelled,
                ruleSet: ruleSet)
            trace?.append(
                TraceEvent(year: scenario.startYear + year, studio: label(index), kind: .fraud(recovered: recovered)))
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
        // The skill levels with upgrades this year, in level order, read once for every studio.
        trainingLevels.removeAll(keepingCapacity: true)
        if let training = subsidies.training {
            for (mean, amount) in zip(training.upgradesPerStudioYear, training.amountsYuan) where mean > 0 {
                trainingLevels.append((mean, amount))
            }
        }
        let levelCount = trainingLevels.count
        for index in 0..<studios.count where table.flags[Int(studios.state[index])] & LifecycleTable.Flag.revoked == 0 {
            activeIndices.append(index)
            if studios.subsidyStream[index] < 0 {
                studios.subsidyStream[index] = streams.newStream(for: .studioSubsidies(studios.key[index]))
            }
            let stream = streams[studios.subsidyStream[index]]
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
            for level in 0..<levelCount {
                let (mean, amount) = trainingLevels[level]
                trainingYuan += Double(stream.poisson(mean: mean)) * amount
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
        studios.subsidiesPaid[index] += yuan
        ledger.recordSubsidy(kind, yuan: yuan, year: year)
        trace?.append(TraceEvent(year: scenario.startYear + year, studio: label(index), kind: .subsidy(kind, yuan: yuan)))
    }
}
