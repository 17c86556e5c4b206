public import Foundation

/// Where a forecast came from, written as `run.json` (DESIGN.md, "The output contract").
public struct RunProvenance: Sendable {
    /// The toolkit's version.
    public var toolVersion: String
    /// The scenario's name.
    public var scenarioName: String
    /// The scenario file's path as given.
    public var scenarioPath: String
    /// SHA-256 of the scenario file's bytes; for a scenario that extends others, of its whole
    /// chain (``ScenarioSourceHash``).
    public var scenarioSHA256: String
    /// Each file of the scenario's `extends:` chain with the SHA-256 of its bytes, the file named
    /// first; nil (and not written) for a scenario that extends none.
    public var scenarioChain: [ChainFile]?
    /// What was run: a forecast (`montecarlo`, `exact`) or an analysis (`compare`, `sweep`,
    /// `sensitivity`, `solve`), written as its name.
    public var method: RunMethod
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
    ///
    /// - Parameters:
    ///   - toolVersion: the toolkit's version.
    ///   - scenarioName: the scenario's name.
    ///   - scenarioPath: the scenario file's path as given.
    ///   - scenarioSHA256: SHA-256 of the scenario file's bytes; for a scenario that extends others, of its
    ///     whole chain (``ScenarioSourceHash``).
    ///   - method: what was run: a forecast or an analysis.
    ///   - seed: the run's seed.
    ///   - generator: the GSL generator's name.
    ///   - gslVersion: the GSL version linked.
    ///   - replications: replications run.
    ///   - threads: worker threads.
    ///   - startedAt: when the run started.
    ///   - finishedAt: when the run ended.
    ///   - scenarioChain: each file of the scenario's `extends:` chain with the SHA-256 of its bytes, the
    ///     file named first; nil (and not written) for a scenario that extends none.
    public init(
        toolVersion: String, scenarioName: String, scenarioPath: String, scenarioSHA256: String, method: RunMethod,
        seed: UInt64, generator: String, gslVersion: String, replications: Int, threads: Int, startedAt: Date,
        finishedAt: Date, scenarioChain: [ChainFile]? = nil
    ) {
        self.scenarioChain = scenarioChain
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

    /// The run's length in seconds, to the millisecond, as `run.json` records it.
    public var wallSeconds: Double { (finishedAt.timeIntervalSince(startedAt) * 1000).rounded() / 1000 }

    /// The name `run.json` records as the tool.
    package static let tool = "studio-forecast"

    /// The JSON text of `run.json`: written by `JSONEncoder`, keys sorted, two-space indented,
    /// times in ISO 8601 to the second, slashes unescaped, one key a line as `"key": value`,
    /// and a final line break.
    ///
    /// - Returns: the UTF-8 bytes of `run.json`.
    /// - Throws: `EncodingError` only for a value JSON cannot hold, which a record never has.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = String(decoding: try encoder.encode(self), as: UTF8.self)
        // JSONEncoder writes `"key" : value`; run.json has always had `"key": value`. The first
        // `" : ` of a line ends its key, since no key holds a quote.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let range = line.range(of: "\" : ") else { return String(line) }
            return line.replacingCharacters(in: range, with: "\": ")
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The JSON text of `run.json` (``encoded()``).
    ///
    /// - Returns: the text of `run.json`.
    /// - Throws: `EncodingError` only for a value JSON cannot hold, which a record never has.
    public func json() throws -> String { String(decoding: try encoded(), as: UTF8.self) }

    /// Reads a `run.json`.
    /// - Throws: `DecodingError` naming the key that is missing or mistyped.
    package static func decoded(from data: Data) throws -> RunProvenance {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunProvenance.self, from: data)
    }
}

extension RunProvenance: Codable, Hashable {
    private enum CodingKeys: String, CodingKey {
        case tool, toolVersion = "tool_version", scenarioName = "scenario", scenarioPath = "scenario_path"
        case scenarioSHA256 = "scenario_sha256", method, seed, generator, gslVersion = "gsl_version", replications
        case threads, startedAt = "started_at", finishedAt = "finished_at", wallSeconds = "wall_seconds"
        case scenarioChain = "scenario_chain"
    }

    /// Reads a record; `tool` must be ``tool``, `method` one of ``RunMethod``'s names, and
    /// `wall_seconds`, derived from the two times, is checked for its type only.
    ///
    /// - Parameter decoder: the decoder holding `run.json`.
    /// - Throws: `DecodingError` for a missing or mistyped key, or another tool's record.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let tool = try container.decode(String.self, forKey: .tool)
        guard tool == Self.tool else {
            throw DecodingError.dataCorruptedError(
                forKey: .tool, in: container, debugDescription: "written by \(tool), not \(Self.tool)")
        }
        _ = try container.decode(Double.self, forKey: .wallSeconds)
        self.init(
            toolVersion: try container.decode(String.self, forKey: .toolVersion),
            scenarioName: try container.decode(String.self, forKey: .scenarioName),
            scenarioPath: try container.decode(String.self, forKey: .scenarioPath),
            scenarioSHA256: try container.decode(String.self, forKey: .scenarioSHA256),
            method: try container.decode(RunMethod.self, forKey: .method),
            seed: try container.decode(UInt64.self, forKey: .seed),
            generator: try container.decode(String.self, forKey: .generator),
            gslVersion: try container.decode(String.self, forKey: .gslVersion),
            replications: try container.decode(Int.self, forKey: .replications),
            threads: try container.decode(Int.self, forKey: .threads),
            startedAt: try container.decode(Date.self, forKey: .startedAt),
            finishedAt: try container.decode(Date.self, forKey: .finishedAt),
            scenarioChain: try container.decodeIfPresent([ChainFile].self, forKey: .scenarioChain))
    }

    /// Writes the record with the tool's name and the run's length.
    ///
    /// - Parameter encoder: the encoder written to.
    /// - Throws: the encoder's error, if any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.tool, forKey: .tool)
        try container.encode(toolVersion, forKey: .toolVersion)
        try container.encode(scenarioName, forKey: .scenarioName)
        try container.encode(scenarioPath, forKey: .scenarioPath)
        try container.encode(scenarioSHA256, forKey: .scenarioSHA256)
        try container.encodeIfPresent(scenarioChain, forKey: .scenarioChain)
        try container.encode(method, forKey: .method)
        try container.encode(seed, forKey: .seed)
        try container.encode(generator, forKey: .generator)
        try container.encode(gslVersion, forKey: .gslVersion)
        try container.encode(replications, forKey: .replications)
        try container.encode(threads, forKey: .threads)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(wallSeconds, forKey: .wallSeconds)
    }
}

extension RunProvenance {
    /// One file of a scenario's `extends:` chain, as `run.json` records it.
    public struct ChainFile: Sendable, Codable, Hashable {
        /// The file's path: as given for the file named, and for a base as resolved from the
        /// folder of the file that extends it.
        package var path: String
        /// SHA-256 of the file's bytes as read.
        package var sha256: String

        /// Creates an entry.
        package init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }
}
