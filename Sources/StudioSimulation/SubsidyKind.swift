/// The subsidies of Art. 12.
package enum SubsidyKind: Sendable, Hashable {
    /// 10% of new equipment's cost or old equipment's assessed value (Art. 12.1).
    case equipment
    /// A payment per person reaching a skill level (Art. 12.2).
    case training
    /// The city's awards (Art. 12.3).
    case award
}
