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

/// Fuzzes, or replays saved inputs through, ``checkApplicantList(_:)`` (see ``FuzzInput/main(checking:)``).
@main
enum ApplicantListFuzzer {
    static func main() { FuzzInput.main(checking: checkApplicantList) }
}
