/// How the CSV files are written for spreadsheets: a byte-order mark, and the language of
/// `summary.csv`'s column headings.
public struct CSVFormat: Sendable, Hashable {
    /// Whether each file starts with a UTF-8 byte-order mark, so that Excel on Chinese Windows
    /// reads it correctly.
    public var byteOrderMark: Bool
    /// `summary.csv`'s column headings; the tidy files keep English names.
    public var labels: ForecastFiles.Labels

    /// A format; plain UTF-8 and the stable English names by default.
    ///
    /// - Parameters:
    ///   - byteOrderMark: start each file with a UTF-8 byte-order mark.
    ///   - labels: `summary.csv`'s column headings.
    public init(byteOrderMark: Bool = false, labels: ForecastFiles.Labels = .en) {
        self.byteOrderMark = byteOrderMark
        self.labels = labels
    }

    /// The text of a CSV file as written.
    ///
    /// - Parameter csv: the file's text.
    /// - Returns: the text, after a byte-order mark when asked for.
    public func text(_ csv: String) -> String { byteOrderMark ? "\u{FEFF}" + csv : csv }
}
