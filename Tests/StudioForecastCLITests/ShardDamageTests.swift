import Foundation
import Testing
import _TestSupport

/// A small scenario whose 3,000 replications make three blocks, one per shard.
private let shardScenario = """
    name: shard-check
    start_year: 2026
    horizon_years: 3
    simulation:
      replications: 3000
      seed: 11
    quota:
      per_year: 3
    assessment:
      pass_probability:
        in_cycle: 0.9
        post_cycle: 0.95
    """

/// One way a shard folder can be damaged, and the message `merge` must give for it.
struct ShardDamage: Sendable, CustomTestStringConvertible {
    /// What was done, for the test's name.
    var name: String
    /// The shard (1...3) damaged.
    var shard: Int
    /// The damaged file's name.
    var file: String
    /// Damages the file's bytes.
    var damage: @Sendable (Data) throws -> Data
    /// A part of the one line `merge` must print.
    var message: String

    var testDescription: String { name }

    /// Edits `shard.json` as a JSON object.
    static func manifest(
        _ name: String, shard: Int = 2, message: String, _ edit: @escaping @Sendable (inout [String: Any]) -> Void
    ) -> ShardDamage {
        ShardDamage(name: name, shard: shard, file: "shard.json", damage: { data in
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            edit(&object)
            return try JSONSerialization.data(withJSONObject: object)
        }, message: message)
    }

    /// Edits the first block of `shard.json`.
    static func block(_ name: String, message: String, _ edit: @escaping @Sendable (inout [String: Any]) -> Void)
        -> ShardDamage
    {
        manifest(name, message: message) { object in
            guard var blocks = object["blocks"] as? [[String: Any]], !blocks.isEmpty else { return }
            edit(&blocks[0])
            object["blocks"] = blocks
        }
    }

    /// Edits the lines of `replications.csv` (the header is line 0).
    static func rows(_ name: String, message: String, _ edit: @escaping @Sendable (inout [String]) -> Void)
        -> ShardDamage
    {
        ShardDamage(name: name, shard: 2, file: "replications.csv", damage: { data in
            var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            edit(&lines)
            return Data(lines.joined(separator: "\n").utf8)
        }, message: message)
    }

    /// Replaces the `column`-th field of line `line` of `replications.csv`.
    static func field(_ name: String, line: Int, column: Int, with text: String, message: String) -> ShardDamage {
        rows(name, message: message) { lines in
            var fields = lines[line].components(separatedBy: ",")
            fields[column] = text
            lines[line] = fields.joined(separator: ",")
        }
    }
}

@Suite("merge refuses damaged shards with one line, exit 1 and no output")
struct ShardDamageTests {
    /// Three undamaged shards with their replications kept, and the scenario they ran.
    static let pristine: Result<URL, any Error> = Result {
        let root = try Fixtures.temporaryDirectory()
        let scenario = root.appendingPathComponent("shard-check.yaml")
        try Data(shardScenario.utf8).write(to: scenario)
        for shard in 1...3 {
            let result = try CommandLine.run([
                "run", scenario.path, "--shard", "\(shard)/3", "--keep-replications", "--quiet",
                "--out", root.appendingPathComponent("s\(shard)").path,
            ])
            guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        return root
    }

    /// A copy of the pristine shards in a new folder.
    static func copyOfShards() throws -> URL {
        let root = try Fixtures.temporaryDirectory()
        for shard in 1...3 {
            try FileManager.default.copyItem(
                at: try pristine.get().appendingPathComponent("s\(shard)"), to: root.appendingPathComponent("s\(shard)"))
        }
        return root
    }

    static func merge(_ root: URL) throws -> CommandLine.Result {
        try CommandLine.run(
            ["merge"] + (1...3).map { root.appendingPathComponent("s\($0)").path }
                + ["--out", root.appendingPathComponent("merged").path])
    }

    static let damages: [ShardDamage] = [
        .manifest("shards set to 0", message: "shard.json: shards: 0 is outside 1...3") { $0["shards"] = 0 },
        .manifest("replications set to -1", message: "shard.json: replications: -1 is outside 1...10000000") {
            $0["replications"] = -1
        },
        .manifest("replications given as text", message: "shard.json: replications: expected a whole number") {
            $0["replications"] = "3000"
        },
        .manifest("an emptied block list", message: "shard.json: blocks: 0 blocks where shard 2 of 3 holds 1") {
            $0["blocks"] = [Any]()
        },
        .manifest("the seed removed", message: "shard.json: seed: missing") { $0["seed"] = nil },
        .manifest(
            "an earlier version's sequential layout",
            message: "shard.json: layout: 'sequential' shards were written by an earlier"
        ) {
            $0["layout"] = "sequential"
        },
        .manifest("another tool", message: "shard.json: tool: 'other' is not studio-forecast") { $0["tool"] = "other" },
        .manifest("an unknown generator", message: "shard.json: generator: 'nope' is not a GSL generator") {
            $0["generator"] = "nope"
        },
        ShardDamage(
            name: "shard 1's manifest copied over shard 3's", shard: 3, file: "shard.json",
            damage: { _ in try Data(contentsOf: try pristine.get().appendingPathComponent("s1/shard.json")) },
            message: "shard.json: shard: give every shard 1...3 once; shard 1 is also"),
        .manifest("another seed", message: "shard.json: seed: 12 where") { $0["seed"] = 12 },
        .block("a block whose first is after its end", message: "shard.json: blocks[0].end: end 2048 is before first 3000") {
            $0["first"] = 3000
        },
        .block("a block of another shard's replications", message: "blocks[0]: replications 0..<1024 where shard 2 of 3 holds 1024..<2048") {
            $0["first"] = 0
            $0["end"] = 1024
        },
        .block("moments replaced by a string", message: "shard.json: blocks[0].cells[3]: expected a list") {
            guard var cells = $0["cells"] as? [Any] else { return }
            cells[3] = "moments"
            $0["cells"] = cells
        },
        .block("the cell list truncated", message: "shard.json: blocks[0].cells: 5 cells where the scenario's forecast has") {
            guard let cells = $0["cells"] as? [Any] else { return }
            $0["cells"] = Array(cells.prefix(5))
        },
        .block("a cell's moments truncated", message: "shard.json: blocks[0].cells[2]: a cell holds 6 moments") {
            guard var cells = $0["cells"] as? [[Any]] else { return }
            cells[2] = Array(cells[2].prefix(4))
            $0["cells"] = cells
        },
        .block("a count larger than the block", message: "shard.json: blocks[0].cells[0]: count 5000 is outside 0...1024") {
            guard var cells = $0["cells"] as? [[Any]] else { return }
            cells[0][0] = "5000"
            $0["cells"] = cells
        },
        .block("a sum that is not a number", message: "shard.json: blocks[0].cells[0][2]: the sum 'x' is not a number") {
            guard var cells = $0["cells"] as? [[Any]] else { return }
            cells[0][2] = "x"
            $0["cells"] = cells
        },
        .block("an infinite sum of squares", message: "shard.json: blocks[0].cells[0]: the sum of squares is not possible") {
            guard var cells = $0["cells"] as? [[Any]] else { return }
            cells[0][3] = "inf"
            $0["cells"] = cells
        },
        ShardDamage(
            name: "shard.json not JSON", shard: 1, file: "shard.json", damage: { _ in Data("{\"blocks\": [".utf8) },
            message: "shard.json: not a shard manifest written by run --shard: not valid JSON"),
        .rows("an empty replications.csv", message: "replications.csv:1: the file is empty; expected the header") {
            $0 = []
        },
        .rows("a deleted row", message: "replications.csv:11: replication 1034 where 1033 was expected") {
            $0.remove(at: 10)
        },
        .rows("a duplicated row", message: "replications.csv:12: replication 1033 where 1034 was expected") {
            $0.insert($0[10], at: 10)
        },
        .rows("the last row deleted", message: "replications.csv:1025: the rows end before replication 2047") {
            $0.remove(at: 1024)
        },
        .rows("a row added", message: "replications.csv:1026: replication 2048 is one too many") {
            $0.insert($0[1024].replacingOccurrences(of: "2047,", with: "2048,", options: .anchored), at: 1025)
        },
        .rows("a changed header", message: "replications.csv:1: the header is not this scenario's: column 2") {
            $0[0] = $0[0].replacingOccurrences(of: "2026/named", with: "2026/name")
        },
        .rows("a row cut short", message: "replications.csv:3: 5 fields where") {
            $0[2] = $0[2].components(separatedBy: ",").prefix(5).joined(separator: ",")
        },
        .field("a negative replication", line: 5, column: 0, with: "-1", message: "replications.csv:6: replication -1 where 1028 was expected"),
        .field("an out-of-range replication", line: 5, column: 0, with: "99999", message: "replications.csv:6: replication 99999 where 1028 was expected"),
        .field("a replication that is not a number", line: 5, column: 0, with: "five", message: "replications.csv:6: the replication 'five' is not a whole number"),
        .field("abc as a value", line: 7, column: 3, with: "abc", message: "replications.csv:8: 2026/assessed: 'abc' is not a finite number"),
        .field("1e308 as a value", line: 7, column: 3, with: "1e308", message: "replications.csv:8: 2026/assessed: '1e308' is not a finite number within ±9007199254740992"),
        .field("nan as a value", line: 7, column: 3, with: "nan", message: "replications.csv:8: 2026/assessed: 'nan' is not a finite number"),
        .field("a value changed by one", line: 7, column: 3, with: "0.5", message: "replications.csv:1025: the values of replications 1024..<2048 do not give the moments their shard kept (cell 2 differs), column 2026/assessed"),
        .field("a quote left open", line: 7, column: 3, with: "\"3", message: "replications.csv:8: a quoted field is never closed"),
    ]

    @Test("A damaged shard is named with its key or line", arguments: damages)
    func damaged(_ damage: ShardDamage) throws {
        let root = try Self.copyOfShards()
        let file = root.appendingPathComponent("s\(damage.shard)/\(damage.file)")
        try damage.damage(try Data(contentsOf: file)).write(to: file)
        let result = try Self.merge(root)
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(result.errors)")
        #expect(result.errors.hasPrefix("studio-forecast: \(file.path)"), "\(result.errors)")
        #expect(result.errors.contains(damage.message), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("merged").path))
    }

    @Test("The undamaged copies merge, so every refusal above is the damage's doing")
    func undamaged() throws {
        let root = try Self.copyOfShards()
        let result = try Self.merge(root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("3 shards, 3000 replications merged"))
    }
}

@Suite("run takes any --shard and --threads count safely")
struct ShardAndThreadCountTests {
    @Test("More shards than the run has blocks is refused with one line, exit 64 and no output")
    func tooManyShards() throws {
        let root = try Fixtures.temporaryDirectory()
        let scenario = root.appendingPathComponent("shard-check.yaml")
        try Data(shardScenario.utf8).write(to: scenario)
        for arguments in [["--shard", "4/4"], ["--shard", "1/5", "--replications", "1"]] {
            let out = root.appendingPathComponent("out")
            let result = try CommandLine.run(["run", scenario.path, "--out", out.path] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
            #expect(result.errors.contains("at most"), "\(result.errors)")
            #expect(result.errors.contains("shards"), "\(result.errors)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        let huge = try CommandLine.run(["run", scenario.path, "--shard", "9223372036854775807/9223372036854775807"])
        #expect(huge.status == 64)
    }

    @Test("A huge --threads runs as the most threads allowed and gives the same files as one thread")
    func hugeThreadCount() throws {
        let root = try Fixtures.temporaryDirectory()
        let scenario = root.appendingPathComponent("shard-check.yaml")
        try Data(shardScenario.utf8).write(to: scenario)
        var forecasts: [Data] = []
        for threads in ["1", "9223372036854775807"] {
            let out = root.appendingPathComponent("t\(threads.count)")
            let result = try CommandLine.run(["run", scenario.path, "--threads", threads, "--quiet", "--out", out.path])
            #expect(result.status == 0, "\(result.errors)")
            forecasts.append(try Data(contentsOf: out.appendingPathComponent("forecast.csv")))
            if threads.count > 1 {
                let json = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
                #expect(json.contains("\"threads\": 1024"), "\(json)")
            }
        }
        #expect(forecasts.count == 2 && forecasts[0] == forecasts[1])
    }
}
