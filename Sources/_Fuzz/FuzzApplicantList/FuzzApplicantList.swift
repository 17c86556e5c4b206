import Foundation
import StudioScenario
import _FuzzSupport

/// Feeds one input, as the text of an applicant list (`applicants.list`), through the list reader.
///
/// The list is read as a scenario naming two recommending bodies would read it, so the channel
/// column is checked too. Every input must end in applicants or in one-line problems.
func checkApplicantList(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let reader = ApplicantListReader(file: "fuzz.csv", channelNames: ["市总工会", "district"])
    if case .failure(let problems) = reader.read(text: text) {
        FuzzInput.requireOneLinePerProblem(problems.errors.map(\.description))
    }
}

/// Under `make fuzz` (`-DFUZZING`), runs libFuzzer on checkApplicantList; otherwise replays saved inputs
/// (`FuzzApplicantList FILE...`) through the same check, which is how a finding becomes a test.
@main
enum ApplicantListFuzzer {
    static func main() {
        #if FUZZING
        exit(FuzzInput.runLibFuzzer { checkApplicantList($0) })
        #else
        FuzzInput.replay(CommandLine.arguments.dropFirst(), through: checkApplicantList)
        #endif
    }
}
