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

/// Under `make fuzz` (`-DFUZZING`), runs libFuzzer on checkScenario; otherwise replays saved inputs
/// (`FuzzScenarioLoader FILE...`) through the same check, which is how a finding becomes a test.
@main
enum ScenarioLoaderFuzzer {
    static func main() {
        #if FUZZING
        exit(FuzzInput.runLibFuzzer { checkScenario($0) })
        #else
        FuzzInput.replay(CommandLine.arguments.dropFirst(), through: checkScenario)
        #endif
    }
}
