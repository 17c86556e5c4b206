import ArgumentParser
import StudioForecast

/// The `--out` argument of every command that writes a folder. The folder itself is checked and
/// written by the library (``ForecastFolder``), whose `OutputError` the entry point reports.
enum OutputFolder {
    /// Refuses an empty `--out` as a bad argument (exit 64).
    static func validate(out: String?) throws {
        if let out, out.isEmpty { throw refuseArgument("--out: the output folder's name is empty; name a folder") }
    }
}
