/// Formats numbers for CSV and JSON files: plain decimal, never scientific notation, and the
/// shortest digits that read back to the same `Double`.
///
/// Public because a library user printing a forecast's numbers wants them as the files write
/// them (`Examples/QuotaStudy` prints its paired difference with it).
public enum PlainNumber {
    /// `1500000`, `0.0625`, `-0.00001`; NaN and infinities as empty text.
    ///
    /// Works on Swift's shortest round-trip text of the value, never through a fixed-width
    /// integer, so any finite `Double` is written, however large.
    ///
    /// - Parameter value: the value.
    /// - Returns: its plain text.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        let text = String(value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        return expand(mantissa: String(text[..<e]), exponent: Int(text[text.index(after: e)...]) ?? 0)
    }

    /// Rewrites `m × 10^exponent` (m as printed, such as `-1.25`) in plain decimal.
    private static func expand(mantissa: String, exponent: Int) -> String {
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? String(mantissa.dropFirst()) : mantissa
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = String(parts[0])
        let fractionDigits = parts.count > 1 ? String(parts[1]) : ""
        let digits = integerDigits + fractionDigits
        let point = integerDigits.count + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            let index = digits.index(digits.startIndex, offsetBy: point)
            result = String(digits[..<index]) + "." + String(digits[index...])
        }
        while result.hasPrefix("0"), result.count > 1, !result.hasPrefix("0.") { result.removeFirst() }
        if result.contains("."), result.hasSuffix("0") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return negative ? "-" + result : result
    }

    /// Whole yuan with thousands separators, for tables people read: `1,500,000`.
    ///
    /// Any finite `Double` is grouped, however large: the digits come from ``format(_:)``.
    ///
    /// - Parameter value: the value, rounded to whole yuan.
    /// - Returns: its grouped text.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let whole = value.rounded()
        let digits = format(abs(whole))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (whole < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
