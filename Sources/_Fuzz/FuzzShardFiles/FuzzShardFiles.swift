import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import _FuzzSupport

/// The small scenario the fuzzed shard files claim to come from; its forecast fixes the cells.
let shardScenario: Scenario? = try? ScenarioLoader().load(
    yaml: """
        name: fuzz
        start_year: 2026
        horizon_years: 2
        simulation:
          replications: 3
        quota:
          per_year: 2
        """,
    file: "fuzz.yaml")

/// Feeds one input to the readers `merge` uses: its first byte chooses `shard.json` (even) or
/// `replications.csv` (odd), the rest is the file.
///
/// What a reader accepts is then folded as `merge` folds it. Every input must end in a forecast
/// or in one-line problems; a trap is a bug.
func checkShardFile(_ bytes: UnsafeRawBufferPointer) {
    guard let selector = bytes.first, let scenario = shardScenario else { return }
    let body = Data(bytes.dropFirst())
    var merger = ShardMerger(scenario: scenario)
    var problems: [String] = []
    if selector.isMultiple(of: 2) {
        do {
            let manifest = try ShardManifest.decode(body, file: "shard.json")
            try manifest.checkCells(merger.cellCount, file: "shard.json")
            for block in manifest.blocks { try merger.add(block) }
        } catch let error as ShardError {
            problems.append(error.description)
        } catch {
            problems.append("\(error)")
        }
    } else {
        do {
            let rows = try ReplicationsReader.read(
                text: String(decoding: body, as: UTF8.self), file: "replications.csv",
                header: ReplicationsFile.header(scenario: scenario), replications: 0..<3)
            for row in rows { try merger.add(replication: row.replication, values: row.values) }
        } catch let error as ShardError {
            problems.append(error.description)
        } catch {
            problems.append("\(error)")
        }
    }
    if problems.isEmpty {
        _ = merger.forecast()
    } else {
        FuzzInput.requireOneLinePerProblem(problems)
    }
}

/// Fuzzes, or replays saved inputs through, ``checkShardFile(_:)`` (see ``FuzzInput/main(checking:)``).
@main
enum ShardFilesFuzzer {
    static func main() { FuzzInput.main(checking: checkShardFile) }
}
