/// The calendar years an output is read over: one year, or a period of years.
public enum OutputWindow: Sendable, Hashable, CustomStringConvertible {
    /// One calendar year.
    case year(Int)
    /// The years `first` through `last`, both included.
    case period(first: Int, last: Int)

    /// The first year of the window.
    package var first: Int {
        switch self {
        case .year(let year): return year
        case .period(let first, _): return first
        }
    }

    /// The last year of the window.
    public var last: Int {
        switch self {
        case .year(let year): return year
        case .period(_, let last): return last
        }
    }

    /// `2030` or `2031-2035`, as written on the command line and in the output files.
    public var description: String {
        switch self {
        case .year(let year): return String(year)
        case .period(let first, let last): return "\(first)-\(last)"
        }
    }

    /// `2030` or `2031–2035`, as printed for a reader.
    public var label: String {
        switch self {
        case .year(let year): return String(year)
        case .period(let first, let last): return "\(first)–\(last)"
        }
    }

    /// Parses `2030` or `2031-2035` (a period's last year not before its first); nil otherwise.
    ///
    /// - Parameter text: `2030` or `2031-2035`.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let years = parts.compactMap { part -> Int? in
            guard part.count == 4, part.allSatisfy(\.isASCII), let year = Int(part) else { return nil }
            return year
        }
        guard years.count == parts.count else { return nil }
        switch years.count {
        case 1: self = .year(years[0])
        case 2 where years[0] < years[1]: self = .period(first: years[0], last: years[1])
        case 2 where years[0] == years[1]: self = .year(years[0])
        default: return nil
        }
    }
}
