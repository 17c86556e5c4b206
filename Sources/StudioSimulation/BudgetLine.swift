/// The line of the programme's budget a money metric belongs to.
public enum BudgetLine: String, Sendable, Hashable, CaseIterable, Codable {
    /// The naming grant, 1,000,000 yuan a studio in tranches (Art. 11).
    case grant
    /// The equipment subsidy (Art. 12.1).
    case equipmentSubsidy
    /// The skill-upgrade subsidy (Art. 12.2).
    case trainingSubsidy
    /// City awards for innovation results (Art. 12.3).
    case awardSubsidy
    /// Money recovered from studios found cheating (Art. 15), which reduces the net outflow.
    case clawback
    /// Every line paid: the grant and the three subsidies.
    case total
    /// Every line paid less the money recovered, the figure held against the budget.
    case net
}
