import CXLSXWriter
import StudioReports

/// An .xlsx file being written with libxlsxwriter: sheets, cell styles and native charts.
///
/// The only file that imports `CXLSXWriter`. Cells hold values, never formulas. The file is
/// written by ``close()``; until then nothing is on the disk.
final class XLSXWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The file's path.
    let path: String

    /// Starts a workbook to be written at `path`.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when libxlsxwriter cannot start it.
    init(path: String) throws(OutputError) {
        self.path = path
        guard let handle = workbook_new(path) else {
            throw OutputError.cannotWrite(path, reason: "libxlsxwriter cannot start a workbook")
        }
        self.handle = handle
    }

    deinit {
        if let handle { _ = workbook_close(handle) }
    }

    /// Adds a sheet named `name` (at most 31 characters, none of `[]:*?/\`).
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when the name is refused.
    func addSheet(_ name: String) throws(OutputError) -> XLSXSheet {
        guard let handle, let sheet = workbook_add_worksheet(handle, name) else {
            throw OutputError.cannotWrite(path, reason: "libxlsxwriter refuses the sheet name \(name)")
        }
        return XLSXSheet(sheet: sheet, name: name, workbook: self)
    }

    /// The format of a cell style, made once per workbook.
    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let format = formats[style] { return format }
        guard let handle, let format = workbook_add_format(handle) else { return nil }
        format_set_font_name(format, "Noto Sans CJK SC")
        format_set_font_size(format, 10)
        switch style {
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 14)
        case .heading:
            format_set_bold(format)
            format_set_bg_color(format, 0xD9E1F2)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_text_wrap(format)
        case .label:
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .strongLabel:
            format_set_bold(format)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .text:
            format_set_text_wrap(format)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .note:
            format_set_italic(format)
            format_set_font_size(format, 9)
        case .number(let kind, let strong):
            format_set_num_format(format, kind.code)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            if strong {
                format_set_bold(format)
                format_set_bg_color(format, 0xF2F2F2)
            }
        }
        formats[style] = format
        return format
    }

    /// Adds a chart, to be filled and then placed on a sheet with ``XLSXSheet/insert(_:row:column:)``.
    func addChart(_ kind: XLSXChart.Kind) throws(OutputError) -> XLSXChart {
        guard let handle, let chart = workbook_add_chart(handle, kind.code) else {
            throw OutputError.cannotWrite(path, reason: "libxlsxwriter cannot add a chart")
        }
        return XLSXChart(chart: chart)
    }

    /// Writes the file and frees the workbook.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` with libxlsxwriter's reason.
    func close() throws(OutputError) {
        guard let handle else { return }
        self.handle = nil
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else {
            throw OutputError.cannotWrite(path, reason: String(cString: lxw_strerror(status)))
        }
    }
}

/// How a cell looks: the styles of the planner's workbooks.
enum CellStyle: Hashable {
    /// A sheet's title row.
    case title
    /// A table's column headings.
    case heading
    /// A row label.
    case label
    /// A row label of a total.
    case strongLabel
    /// Text in a bordered cell, wrapped.
    case text
    /// A footnote.
    case note
    /// A number of a kind; `strong` for totals and subtotals.
    case number(NumberKind, strong: Bool = false)
}

/// The number formats of the workbooks.
enum NumberKind: Hashable {
    /// 万元 with two decimals and thousands separators.
    case tenThousandYuan
    /// A count of studios, to one decimal.
    case count
    /// A probability as a percentage with one decimal.
    case percent
    /// Any value as recorded, with thousands separators and up to four decimals.
    case plain
    /// A whole number without separators, such as a year or a seed.
    case whole

    var code: String {
        switch self {
        case .tenThousandYuan: "#,##0.00"
        case .count: "#,##0.0"
        case .percent: "0.0%"
        case .plain: "#,##0.####"
        case .whole: "0"
        }
    }
}

/// A sheet of an ``XLSXWorkbook``, rows and columns numbered from 0.
struct XLSXSheet {
    fileprivate let sheet: UnsafeMutablePointer<lxw_worksheet>
    /// The sheet's name, as charts refer to it.
    let name: String
    fileprivate unowned let workbook: XLSXWorkbook

    /// Writes text.
    func write(_ text: String, row: Int, column: Int, style: CellStyle = .text) {
        _ = worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, workbook.format(style))
    }

    /// Writes a number, or a blank cell in the style when there is none (or it is not finite).
    func write(_ value: Double?, row: Int, column: Int, style: CellStyle) {
        if let value, value.isFinite {
            _ = worksheet_write_number(
                sheet, lxw_row_t(row), lxw_col_t(column), value, workbook.format(style))
        } else {
            _ = worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), workbook.format(style))
        }
    }

    /// Sets the width of columns `columns` in characters.
    func setWidth(_ width: Double, columns: ClosedRange<Int>) {
        _ = worksheet_set_column(
            sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil)
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    func freeze(row: Int, column: Int) {
        worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column))
    }

    /// Prints on A4 landscape, one page wide, repeating rows `headings` at the top of each page.
    func printAsAttachment(headings: ClosedRange<Int>) {
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)
        worksheet_fit_to_pages(sheet, 1, 0)
        worksheet_set_margins(sheet, 0.5, 0.5, 0.6, 0.6)
        _ = worksheet_repeat_rows(sheet, lxw_row_t(headings.lowerBound), lxw_row_t(headings.upperBound))
    }

    /// Starts a new printed page at `row`.
    func pageBreak(before row: Int) {
        var breaks: [lxw_row_t] = [lxw_row_t(row), 0]
        _ = worksheet_set_h_pagebreaks(sheet, &breaks)
    }

    /// Adds an autofilter over the rows `rows` (the first holding the headings) and columns `columns`.
    func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        _ = worksheet_autofilter(
            sheet, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound), lxw_row_t(rows.upperBound),
            lxw_col_t(columns.upperBound))
    }

    /// Places a chart with its top left corner at the cell, scaled from 480 × 288 pixels.
    func insert(_ chart: XLSXChart, row: Int, column: Int, widthScale: Double = 2, heightScale: Double = 1.5)
    {
        var options = lxw_chart_options()
        options.x_scale = widthScale
        options.y_scale = heightScale
        _ = worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), chart.chart, &options)
    }
}

/// A native chart of an ``XLSXWorkbook``, whose series read ranges of its sheets.
final class XLSXChart {
    /// The kinds of chart the workbooks draw.
    enum Kind {
        /// Areas from the axis, drawn over one another in series order.
        case area
        /// Clustered columns.
        case column
        /// Lines.
        case line

        var code: UInt8 {
            switch self {
            case .area: UInt8(LXW_CHART_AREA.rawValue)
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .line: UInt8(LXW_CHART_LINE.rawValue)
            }
        }
    }

    /// How a series is drawn: a filled area or column, a line, or neither (an invisible series).
    struct Look {
        /// The fill colour (0xRRGGBB), or nil for no fill.
        var fill: UInt32?
        /// The line colour, or nil for no line.
        var line: UInt32?
        /// The line's width in points.
        var width: Double = 2
        /// Whether the line is dashed.
        var dashed = false
    }

    fileprivate let chart: UnsafeMutablePointer<lxw_chart>
    private var seriesCount = 0
    private var hidden: [Int16] = []

    fileprivate init(chart: UnsafeMutablePointer<lxw_chart>) {
        self.chart = chart
    }

    /// Sets the chart's title, the axes' names and the value axis's number format.
    func label(title: String, categoryAxis: String, valueAxis: String, valueFormat: String) {
        chart_title_set_name(chart, title)
        chart_axis_set_name(chart.pointee.x_axis, categoryAxis)
        chart_axis_set_name(chart.pointee.y_axis, valueAxis)
        chart_axis_set_num_format(chart.pointee.y_axis, valueFormat)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    }

    /// Adds a series of columns named `name` whose categories and values are column ranges of
    /// `sheet`'s `rows`.
    func addColumnSeries(
        _ name: String, sheet: XLSXSheet, categoriesColumn: Int, valuesColumn: Int, rows: ClosedRange<Int>,
        colour: UInt32
    ) {
        guard let series = chart_add_series(chart, nil, nil) else { return }
        chart_series_set_categories(
            series, sheet.name, lxw_row_t(rows.lowerBound), lxw_col_t(categoriesColumn),
            lxw_row_t(rows.upperBound),
            lxw_col_t(categoriesColumn))
        chart_series_set_values(
            series, sheet.name, lxw_row_t(rows.lowerBound), lxw_col_t(valuesColumn),
            lxw_row_t(rows.upperBound),
            lxw_col_t(valuesColumn))
        chart_series_set_name(series, name)
        var fill = lxw_chart_fill()
        fill.color = colour
        chart_series_set_fill(series, &fill)
        seriesCount += 1
    }

    /// Adds a series named `name` whose categories and values are row ranges of `sheet`'s
    /// `columns`; `inLegend: false` leaves it out of the legend.
    func addSeries(
        _ name: String, sheet: XLSXSheet, categoriesRow: Int, valuesRow: Int, columns: ClosedRange<Int>,
        look: Look,
        inLegend: Bool = true
    ) {
        guard let series = chart_add_series(chart, nil, nil) else { return }
        chart_series_set_categories(
            series, sheet.name, lxw_row_t(categoriesRow), lxw_col_t(columns.lowerBound),
            lxw_row_t(categoriesRow),
            lxw_col_t(columns.upperBound))
        chart_series_set_values(
            series, sheet.name, lxw_row_t(valuesRow), lxw_col_t(columns.lowerBound), lxw_row_t(valuesRow),
            lxw_col_t(columns.upperBound))
        chart_series_set_name(series, name)
        var fill = lxw_chart_fill()
        if let colour = look.fill { fill.color = colour } else { fill.none = 1 }
        chart_series_set_fill(series, &fill)
        var line = lxw_chart_line()
        if let colour = look.line {
            line.color = colour
            line.width = Float(look.width)
            if look.dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
        } else {
            line.none = 1
        }
        chart_series_set_line(series, &line)
        if !inLegend {
            hidden.append(Int16(clamping: seriesCount))
            var list = hidden + [-1]
            _ = chart_legend_delete_series(chart, &list)
        }
        seriesCount += 1
    }
}
