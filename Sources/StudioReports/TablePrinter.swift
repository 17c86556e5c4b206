/// Plain-text tables for the console: the first column left-aligned, the others right-aligned.
///
/// Public because a library user printing their own results wants the tables the commands print;
/// the library's own tables (`ForecastTable`, `SweepTable`, `SolveReport`...) render through it.
public enum TablePrinter {
    /// The header and rows, columns two spaces apart, one line each.
    ///
    /// - Parameters:
    ///   - header: the column titles.
    ///   - rows: the rows, one text per column.
    /// - Returns: the table.
    public static func render(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ fields: [String]) -> String {
            fields.enumerated().map { column, field in
                let pad = String(repeating: " ", count: widths[column] - field.count)
                return column == 0 ? field + pad : pad + field
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
