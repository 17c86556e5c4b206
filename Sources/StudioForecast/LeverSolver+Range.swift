extension LeverSolver {
    /// Reads `LOW:HIGH`, the values a solve searches (`solve --range`).
    ///
    /// - Parameter text: such as `0:50`.
    /// - Returns: the range; nil unless both bounds are finite numbers, LOW at most HIGH.
    public static func range(parsing text: String) -> ClosedRange<Double>? { ValueRange.parse(text) }
}
