/// Why the files of a ``ForecastFolder`` cannot be made: the scenario's uncertain inputs cannot
/// be drawn again for `inputs.csv`, or the run's record cannot be written as JSON.
public enum ForecastFolderError: Error, Sendable, CustomStringConvertible {
    /// The scenario's generator is not one GSL knows, so its uncertain inputs cannot be drawn.
    case unknownGenerator(UnknownGeneratorError)
    /// `run.json`'s record holds a value JSON cannot (a record made by the library never does),
    /// with the encoder's reason.
    case unencodableRecord(String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .unknownGenerator(let error): return "\(error)"
        case .unencodableRecord(let reason): return "run.json: the run's record cannot be written as JSON: \(reason)"
        }
    }

    /// The record of `provenance` as the text of `run.json`.
    static func json(of provenance: RunProvenance) throws(ForecastFolderError) -> String {
        do {
            return try provenance.json()
        } catch {
            throw .unencodableRecord("\(error)")
        }
    }
}

extension ForecastFolderError: StudioForecastError {
    /// The generator's key path for an unknown generator; the file `run.json` for a record.
    public var location: ProblemLocation {
        switch self {
        case .unknownGenerator(let error): return error.location
        case .unencodableRecord: return ProblemLocation(file: "run.json")
        }
    }

    /// The generator error's own lines; one line for a record.
    public var messages: [String] {
        switch self {
        case .unknownGenerator(let error): return error.messages
        case .unencodableRecord: return [description]
        }
    }

    /// The generator's category: a bad scenario file (exit 1); a record that cannot be written is
    /// an output problem (exit 1) too.
    public var category: ProblemCategory {
        switch self {
        case .unknownGenerator(let error): return error.category
        case .unencodableRecord: return .badInput
        }
    }
}
