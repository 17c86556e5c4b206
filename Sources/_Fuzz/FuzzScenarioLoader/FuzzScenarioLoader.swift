import Foundation
import StudioScenario
import _FuzzSupport

/// Feeds one input, as the bytes of a scenario file, through the loader as `validate` reads it.
///
/// Every input must end in a ``Scenario`` or in ``ScenarioErrors``; a trap is a bug. The bytes go
/// through a file, so the size, encoding and NUL checks of reading a file are covered too.
func checkScenario(_ bytes: UnsafeRawBufferPointer) {
    let path = FuzzInput.scratchPath(named: "scenario.yaml")
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
    do {
        _ = try ScenarioLoader().load(path: path)
    } catch {
        FuzzInput.requireOneLinePerProblem(error.errors.map(\.description))
    }
}

/// Fuzzes, or replays saved inputs through, ``checkScenario(_:)`` (see ``FuzzInput/main(checking:)``).
@main
enum ScenarioLoaderFuzzer {
    static func main() { FuzzInput.main(checking: checkScenario) }
}
