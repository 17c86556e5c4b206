public import Foundation

/// Where a forecast came from, written as `run.json` (DESIGN.md, "The output contract").
public struct RunProvenance: Sendable {
    /// The toolkit's version.
    public var toolVersion: String
    /// The scenario's name.
    public var scenarioName: String
    /// The scenario file's path as given.
    public var scenarioPath: String
    /// SHA-256 of the scenario file's bytes.
    public var scenarioSHA256: String
    /// `montecarlo` or `exact`.
    public var method: String
    /// The run's seed.
    public var seed: UInt64
    /// The GSL generator's name.
    public var generator: String
    /// The GSL version linked.
    public var gslVersion: String
    /// Replications run.
    public var replications: Int
    /// Worker threads.
    public var threads: Int
    /// When the run started and ended.
    public var startedAt: Date
    /// When the run ended.
    public var finishedAt: Date

    /// Creates a record.
    public init(
        toolVersion: String, scenarioName: String, scenarioPath: String, scenarioSHA256: String, method: String,
        seed: UInt64, generator: String, gslVersion: String, replications: Int, threads: Int, startedAt: Date,
        finishedAt: Date
    ) {
        self.toolVersion = toolVersion
        self.scenarioName = scenarioName
        self.scenarioPath = scenarioPath
        self.scenarioSHA256 = scenarioSHA256
        self.method = method
        self.seed = seed
        self.generator = generator
        self.gslVersion = gslVersion
        self.replications = replications
        self.threads = threads
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// The JSON text, keys sorted, two-space indented.
    public func json() -> String {
        let formatter = ISO8601DateFormatter()
        let fields: [(String, String)] = [
            ("tool", quoted("studio-forecast")),
            ("tool_version", quoted(toolVersion)),
            ("scenario", quoted(scenarioName)),
            ("scenario_path", quoted(scenarioPath)),
            ("scenario_sha256", quoted(scenarioSHA256)),
            ("method", quoted(method)),
            ("seed", String(seed)),
            ("generator", quoted(generator)),
            ("gsl_version", quoted(gslVersion)),
            ("replications", String(replications)),
            ("threads", String(threads)),
            ("started_at", quoted(formatter.string(from: startedAt))),
            ("finished_at", quoted(formatter.string(from: finishedAt))),
            ("wall_seconds", PlainNumber.format((finishedAt.timeIntervalSince(startedAt) * 1000).rounded() / 1000)),
        ]
        let body = fields.sorted { $0.0 < $1.0 }.map { "  \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
        return "{\n\(body)\n}\n"
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
