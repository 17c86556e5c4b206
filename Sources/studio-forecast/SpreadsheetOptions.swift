public import ArgumentParser
public import StudioForecast

extension ForecastFiles.Labels: @retroactive ExpressibleByArgument {}

/// Options that make the CSV files friendly to spreadsheets.
struct SpreadsheetOptions: ParsableArguments {
    @Flag(help: "Start each CSV file with a UTF-8 byte-order mark, so that Excel on Chinese Windows reads it correctly.")
    var excel = false

    @Option(help: "summary.csv's column headings: en (the stable names) or zh (Chinese). The tidy files keep English names.")
    var labels: ForecastFiles.Labels = .en

    /// The CSV format these options ask for.
    var format: CSVFormat { CSVFormat(byteOrderMark: excel, labels: labels) }
}
