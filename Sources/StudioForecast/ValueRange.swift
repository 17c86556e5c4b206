/// `LOW:HIGH` as the closed range of values it names, for `solve --range` and `sensitivity --range`.
enum ValueRange {
    /// `LOW:HIGH` as a range, or nil unless both bounds are finite numbers and LOW is at most HIGH.
    static func parse(_ text: String) -> ClosedRange<Double>? {
        let bounds = text.split(separator: ":", omittingEmptySubsequences: false)
        guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]), low.isFinite,
            high.isFinite, low <= high
        else { return nil }
        return low...high
    }
}
