/// The rule a scenario's name follows: an identifier, never a path and never a spreadsheet formula.
///
/// A name heads every row of the CSV files and names the default output folder (`out/<name>`),
/// so it may hold only letters of any script (Chinese included) and their combining marks,
/// decimal digits, `_`, `-`, `.` and the space; it may not start with `.`, `-`, `=`, `+`, `@` or a
/// space, nor end with a space; and it runs to at most ``maximumLength`` characters. This keeps
/// `..`, `/`, control characters and NUL out of folder names, and keeps a spreadsheet from reading
/// the name as a formula (CSV injection).
package enum ScenarioName {
    /// The most Unicode code points a name may hold.
    package static let maximumLength = 80

    /// Characters a name may not start with: a hidden file's dot, and what spreadsheets read as a formula.
    static let forbiddenFirst: Set<Unicode.Scalar> = [".", "-", "=", "+", "@", " "]

    /// Why `name` breaks the rule, or nil when it follows it.
    package static func problem(with name: String) -> String? {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "the name is empty" }
        if scalars.count > maximumLength {
            return "the name has \(scalars.count) characters; at most \(maximumLength) are allowed"
        }
        if let bad = scalars.first(where: { !isAllowed($0) }) {
            return "the name may hold only letters, digits, '_', '-', '.' and spaces; found \(describe(bad))"
        }
        if forbiddenFirst.contains(first) { return "the name may not start with \(describe(first))" }
        if last == " " { return "the name may not end with a space" }
        return nil
    }

    /// Whether `name` follows the rule.
    package static func isValid(_ name: String) -> Bool { problem(with: name) == nil }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return scalar == "_" || scalar == "-" || scalar == "." || scalar == " "
        }
    }

    /// The character quoted, or its code point when it is invisible.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            || scalar.properties.isWhitespace && scalar != " "
        {
            return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(scalar)'"
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
