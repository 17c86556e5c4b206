/// A scenario's uncertain inputs and how drawn values are set in it.
public struct UncertainInputs: Sendable {
    /// Sets the drawn values of some inputs (by position in ``inputs``) in a scenario.
    struct Setter: Sendable {
        let positions: [Int]
        let apply: @Sendable (inout Scenario, [Double]) -> Void
    }

    /// The inputs, in the order read.
    public private(set) var inputs: [UncertainInput] = []
    private var setters: [Setter] = []

    /// No uncertain inputs.
    public init() {}

    /// Whether the scenario has none.
    public var isEmpty: Bool { inputs.isEmpty }

    /// Adds inputs whose drawn values, in order, `apply` sets in a scenario.
    mutating func add(_ added: [UncertainInput], apply: @escaping @Sendable (inout Scenario, [Double]) -> Void) {
        guard !added.isEmpty else { return }
        let positions = Array(inputs.count..<(inputs.count + added.count))
        inputs += added
        setters.append(Setter(positions: positions, apply: apply))
    }

    /// `scenario` with each input set to `values[i]` (one value per input, in order).
    package func applying(_ values: [Double], to scenario: Scenario) -> Scenario {
        guard values.count == inputs.count else { return scenario }
        var drawn = scenario
        for setter in setters { setter.apply(&drawn, setter.positions.map { values[$0] }) }
        return drawn
    }
}
