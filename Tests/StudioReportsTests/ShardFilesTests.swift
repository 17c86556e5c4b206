import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@Suite("Shard files: shard.json and replications.csv")
struct ShardFilesTests {
    /// A small scenario of 2,500 replications: three blocks.
    static func scenario() throws -> Scenario {
        try Fixtures.scenario(
            """
            name: shard-files
            start_year: 2026
            horizon_years: 3
            simulation:
              replications: 2500
              seed: 3
            quota:
              per_year: 2
            """)
    }

    /// Shard `index` of 2 of the scenario, its manifest and its kept rows' bytes.
    static func shard(_ index: Int) throws -> (manifest: ShardManifest, rows: Data, scenario: Scenario) {
        let scenario = try scenario()
        var rows = Data()
        let result = try ShardRunner(engine: MonteCarloEngine(scenario: scenario)).run(
            shard: index, of: 2, threads: 2, rows: { ReplicationsFile.rows($0) }, write: { rows.append($0) })
        let manifest = ShardManifest(
            scenarioPath: "scenarios/a \"quoted\" \\ path.yaml", scenarioSHA256: String(repeating: "ab", count: 32),
            seed: 3, generator: "mt19937", replications: 2500, shard: index, shards: 2,
            blocks: result.blocks)
        return (manifest, rows, scenario)
    }

    @Test("shard.json reads back to the same manifest, and the same shard gives the same bytes")
    func roundTrip() throws {
        let (manifest, _, _) = try Self.shard(2)
        let bytes = try manifest.encoded()
        #expect(try ShardManifest.decode(bytes, file: "shard.json") == manifest)
        #expect(try Self.shard(2).manifest.encoded() == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"blocks\" : [\n"))
        #expect(text.contains("\"tool\" : \"studio-forecast\""))
        // An empty cell's extremes are null; other moments are decimal strings.
        #expect(manifest.blocks.contains { $0.moments.contains { $0.count == 0 } })
        #expect(text.contains("null"))
    }

    @Test("A manifest in the earlier one-line layout, naming the keyed stream layout, reads the same")
    func earlierLayout() throws {
        let (manifest, _, _) = try Self.shard(1)
        func number(_ value: Double) -> String { value.isFinite ? "\"\(PlainNumber.format(value))\"" : "null" }
        let blocks = manifest.blocks.map { block in
            let cells = block.moments.map {
                "[" + [Double($0.count), $0.shift, $0.sum, $0.sumOfSquares, $0.minimum, $0.maximum].map(number)
                    .joined(separator: ",") + "]"
            }
            return "{\"first\":\(block.replications.lowerBound),\"end\":\(block.replications.upperBound),\"cells\":[\(cells.joined(separator: ","))]}"
        }
        let text = """
            {"tool":"studio-forecast","scenario_path":"scenarios/a \\"quoted\\" \\\\ path.yaml","scenario_sha256":"\(manifest.scenarioSHA256)",\
            "seed":3,"generator":"mt19937","layout":"keyed","replications":2500,"shard":1,"shards":2,
            "blocks":[\(blocks.joined(separator: ",\n"))]}

            """
        #expect(try ShardManifest.decode(Data(text.utf8), file: "shard.json") == manifest)
        // A shard of an earlier version's sequential layout drew differently: merging it with
        // shards run now would mix two runs, so it is refused.
        let sequential = text.replacingOccurrences(of: "\"layout\":\"keyed\"", with: "\"layout\":\"sequential\"")
        #expect(sequential != text)
        #expect {
            try ShardManifest.decode(Data(sequential.utf8), file: "shard.json")
        } throws: { error in
            "\(error)".contains("layout: 'sequential' shards were written by an earlier studio-forecast")
        }
    }

    @Test(
        "Impossible moments are named",
        arguments: [
            (CellMoments(count: 3, shift: 1, sum: 0, sumOfSquares: 0, minimum: 1, maximum: 1), 2, "outside 0...2"),
            (CellMoments(count: -1), 2, "outside 0...2"),
            (CellMoments(count: 0, shift: 5), 2, "zero sums and no extremes"),
            (CellMoments(count: 1, shift: .nan, minimum: 0, maximum: 1), 1, "shift must be a finite number"),
            (CellMoments(count: 1, shift: 1e300, minimum: 1e300, maximum: 1e300), 1, "shift must be a finite number"),
            (CellMoments(count: 2, shift: 5, minimum: 0, maximum: 1), 2, "between the minimum and maximum"),
            (CellMoments(count: 2, shift: 0, sum: 1e12, minimum: 0, maximum: 1), 2, "the sum is not possible"),
            (CellMoments(count: 2, shift: 0, sum: 1, sumOfSquares: -1, minimum: 0, maximum: 1), 2, "sum of squares"),
        ] as [(CellMoments, Int, String)])
    func impossibleMoments(_ moments: CellMoments, _ replications: Int, _ message: String) {
        #expect(moments.problem(replications: replications)?.contains(message) == true)
    }

    @Test("Moments a run writes are possible")
    func possibleMoments() throws {
        let (manifest, _, _) = try Self.shard(1)
        for block in manifest.blocks {
            #expect(block.moments.allSatisfy { $0.problem(replications: block.replications.count) == nil })
        }
    }

    @Test("replications.csv reads back to the values the run kept, however its bytes are split")
    func replicationsRoundTrip() throws {
        let (manifest, rows, scenario) = try Self.shard(2)
        let header = ReplicationsFile.header(scenario: scenario)
        let text = header.joined(separator: ",") + "\n" + String(decoding: rows, as: UTF8.self)
        let read = try ReplicationsReader.read(text: text, file: "r.csv", header: header, replications: manifest.range)
        #expect(read.map(\.replication) == Array(manifest.range))
        // Folding the rows gives what folding the shard's moments gives (percentiles aside).
        let first = try Self.shard(1).manifest
        var fromValues = ShardMerger(scenario: scenario)
        var fromMoments = ShardMerger(scenario: scenario)
        for block in first.blocks {
            try fromValues.add(block)
            try fromMoments.add(block)
        }
        // Each rebuilt block must give the moments the shard kept.
        fromValues.expect(manifest.blocks)
        for row in read { try fromValues.add(replication: row.replication, values: row.values) }
        for block in manifest.blocks { try fromMoments.add(block) }
        let percentiles = ["p05", "p25", "p50", "p75", "p95"]
        func lines(_ merger: ShardMerger) -> [Substring] {
            ForecastFiles(forecast: merger.forecast()).forecastCSV().split(separator: "\n")
                .filter { line in !percentiles.contains { line.contains(",\($0),") } }
        }
        #expect(lines(fromValues) == lines(fromMoments))
        #expect(fromValues.forecast().replications == 2500)
        // Fed a byte at a time, the reader gives the same rows.
        var reader = ReplicationsReader(file: "r.csv", header: header, replications: manifest.range)
        var bytewise: [ReplicationsReader.Row] = []
        for byte in text.utf8.prefix(200_000) { bytewise += try reader.consume([byte]) }
        #expect(bytewise.count > 10)
        for (a, b) in zip(bytewise, read) {
            #expect(a.replication == b.replication)
            #expect(a.values.elementsEqual(b.values) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        }
    }

    @Test("Rows out of order or of the wrong length are refused by the merger")
    func mergerOrder() throws {
        let scenario = try Self.scenario()
        var merger = ShardMerger(scenario: scenario)
        let values = Array(repeating: 0.0, count: merger.cellCount)
        #expect(throws: ShardMerger.OrderError.self) { try merger.add(replication: 1, values: values) }
        #expect(throws: ShardMerger.OrderError.self) { try merger.add(replication: 0, values: [1]) }
        try merger.add(replication: 0, values: values)
        #expect(merger.nextReplication == 1)
    }

    @Test("A file written beside the folder's files is moved into place with them, or removed")
    func placedFile() throws {
        let folder = OutputDirectory(path: try Fixtures.temporaryDirectory().appendingPathComponent("out").path)
        let temporary = try folder.temporaryPath(for: "big.csv")
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: temporary))
        try folder.write([("small.csv", "x\n")], placing: [("big.csv", temporary)], force: false)
        let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(contents == ["big.csv", "small.csv"])
        #expect(try String(contentsOfFile: folder.path + "/big.csv", encoding: .utf8) == "a,b\n")
        // A failure (a folder where a file must go) leaves the earlier files and no temporary one.
        let second = try folder.temporaryPath(for: "big.csv")
        try Data("c\n".utf8).write(to: URL(fileURLWithPath: second))
        try FileManager.default.createDirectory(atPath: folder.path + "/blocked", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try folder.write([("blocked", "y\n")], placing: [("big.csv", second)], force: true)
        }
        #expect(try String(contentsOfFile: folder.path + "/big.csv", encoding: .utf8) == "a,b\n")
        #expect(!FileManager.default.fileExists(atPath: second))
    }
}
