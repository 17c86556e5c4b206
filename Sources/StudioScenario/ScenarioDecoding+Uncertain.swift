/// Recording the assumptions given as distributions, with how a replication's drawn values are
/// set in the scenario.
extension ScenarioDecoding {
    /// Records `inputs`, read within the value at `path` (plain, or scheduled by calendar year),
    /// with a setter that puts drawn values into the value's entries (and list elements) and
    /// sets the value in force in the start year with `assign`, replacing the calendar schedule
    /// when the value has one.
    func addUncertain<T: Sendable>(
        _ inputs: [UncertainInput], of schedule: Schedule<T>, at path: String,
        assign: @escaping @Sendable (inout Scenario, T) -> Void
    ) {
        let positions = inputs.map { Self.position(of: $0.keyPath, under: path, in: schedule) }
        let startYear = schedules.startYear
        schedules.uncertain.add(inputs) { scenario, values in
            var entries = schedule.values
            for (position, value) in zip(positions, values) {
                guard let position, entries.indices.contains(position.entry),
                    let replaced = Self.replacing(entries[position.entry], element: position.element, with: value)
                else { continue }
                entries[position.entry] = replaced
            }
            let years = schedule.isConstant ? [startYear] : schedule.years
            guard let drawn = Schedule(entries: Array(zip(years, entries))) else { return }
            assign(&scenario, drawn.value(in: startYear))
            if !schedule.isConstant, let index = scenario.calendarSchedules.firstIndex(where: { $0.keyPath == path }) {
                scenario.calendarSchedules[index] = CalendarSchedule(keyPath: path, schedule: drawn, assign: assign)
            }
        }
    }

    /// Where the input at `keyPath` sits in the value at `path`: the schedule's entry (`.2028`)
    /// and, within a list, the element (`[1]`).
    static func position<T>(
        of keyPath: String, under path: String, in schedule: Schedule<T>
    ) -> (entry: Int, element: Int?)? {
        guard keyPath.hasPrefix(path) else { return nil }
        var rest = Substring(keyPath.dropFirst(path.count))
        var entry = 0
        if rest.hasPrefix(".") {
            let digits = rest.dropFirst().prefix(while: \.isNumber)
            guard let year = Int(digits), let index = schedule.years.firstIndex(of: year) else { return nil }
            entry = index
            rest = rest.dropFirst(1 + digits.count)
        }
        guard !rest.isEmpty else { return (entry, nil) }
        guard rest.hasPrefix("["), rest.hasSuffix("]"), let element = Int(rest.dropFirst().dropLast()) else { return nil }
        return (entry, element)
    }

    /// `value` with its number (or its list's `element`) replaced by `drawn`, when it is a
    /// number or a list of numbers.
    static func replacing<T>(_ value: T, element: Int?, with drawn: Double) -> T? {
        // A list written as one number holds that number for every element.
        guard let element else { return (drawn as? T) ?? ([drawn] as? T) }
        guard var list = value as? [Double], list.indices.contains(element) else { return nil }
        list[element] = drawn
        return list as? T
    }
}
