import ArgumentParser
import StudioForecast

/// The output folder of every command, its problems reported as one line and exit 1.
enum OutputFolder {
    /// Writes `folder`'s files, or prints why not and exits 1.
    static func write(
        _ folder: ForecastFolder, to directory: OutputDirectory, placing placed: [(name: String, temporaryPath: String)] = [],
        force: Bool
    ) throws {
        do {
            try folder.write(to: directory, placing: placed, force: force)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// The output folder, `out` when given and otherwise `out/<leaf>`, checked before any work
    /// is done (``ForecastFolder/prepare(_:default:force:)``): prints why not and exits 1.
    static func prepare(_ out: String?, default leaf: @autoclosure () -> String, force: Bool) throws -> OutputDirectory {
        do {
            return try ForecastFolder.prepare(out, default: leaf(), force: force)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Refuses an empty `--out` as a bad argument (exit 64).
    static func validate(out: String?) throws {
        if let out, out.isEmpty { throw refuseArgument("--out: the output folder's name is empty; name a folder") }
    }
}
