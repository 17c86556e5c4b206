import Foundation
import StudioRules

/// Reads a real applicant list (`applicants.list`): a CSV file with the columns `id`, `name`,
/// `channel`, `quality` (or `score`) and one column per condition of Art. 2 (`leader`, `team`,
/// `facilities`, `projects`, `demonstration`, `base`) holding `true` or `false`.
///
/// Every malformed row is reported with the file, the row, the column and the line.
package struct ApplicantListReader {
    /// The list file's path as it will be named in messages.
    package let file: String
    /// Channel names declared by the scenario; empty when it declares none.
    package let channelNames: [String]

    /// Creates a reader for the list at `file`, checking channels against `channelNames`.
    package init(file: String, channelNames: [String]) {
        self.file = file
        self.channelNames = channelNames
    }

    static let requiredColumns = ["id", "name", "channel"] + ApplicantCondition.allCases.map(\.rawValue)

    /// Reads and checks the list.
    ///
    /// - Returns: the applicants, or the problems found.
    package func read(text: String) -> Result<[ListedApplicant], ScenarioErrors> {
        let records: [CSVRecords.Record]
        do {
            records = try CSVRecords(text: text, file: file).records
        } catch {
            return .failure(ScenarioErrors([error]))
        }
        guard let header = records.first else {
            return .failure(ScenarioErrors([problem(line: nil, "", "the list is empty; it needs a header row")]))
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var errors: [ScenarioError] = []
        let qualityColumn = columns.firstIndex(of: "quality") ?? columns.firstIndex(of: "score")
        let missing = Self.requiredColumns.filter { !columns.contains($0) } + (qualityColumn == nil ? ["quality"] : [])
        if !missing.isEmpty {
            let names = missing.joined(separator: ", ")
            errors.append(problem(line: header.line, "header", "missing column(s) \(names)"))
            return .failure(ScenarioErrors(errors))
        }
        func column(_ name: String) -> Int { columns.firstIndex(of: name)! }
        var applicants: [ListedApplicant] = []
        var seenIDs: Set<String> = []
        for (offset, record) in records.dropFirst().enumerated() {
            let row = offset + 1
            let before = errors.count
            func where_(_ name: String) -> String { "row \(row), column \(name)" }
            guard record.fields.count == columns.count else {
                errors.append(
                    problem(
                        line: record.line, "row \(row)",
                        "has \(record.fields.count) fields but the header has \(columns.count)"))
                continue
            }
            func value(_ index: Int) -> String { record.fields[index].trimmingCharacters(in: .whitespaces) }
            let id = value(column("id"))
            if id.isEmpty {
                errors.append(problem(line: record.line, where_("id"), "is empty"))
            } else if !seenIDs.insert(id).inserted {
                errors.append(problem(line: record.line, where_("id"), "'\(id)' appears twice"))
            }
            let qualityText = value(qualityColumn!)
            let quality = Double(qualityText)
            if quality == nil || !(0...100).contains(quality!) {
                errors.append(
                    problem(
                        line: record.line, where_(columns[qualityColumn!]),
                        "expected a number from 0 to 100, found '\(qualityText)'"))
            }
            let channelText = value(column("channel"))
            var channel = 0
            if !channelNames.isEmpty {
                if let index = channelNames.firstIndex(of: channelText) {
                    channel = index
                } else {
                    errors.append(
                        problem(
                            line: record.line, where_("channel"),
                            "'\(channelText)' is not one of applicants.channels: \(channelNames.joined(separator: ", "))"))
                }
            }
            var meets: [Bool] = []
            for condition in ApplicantCondition.allCases {
                let text = value(column(condition.rawValue)).lowercased()
                switch text {
                case "true": meets.append(true)
                case "false": meets.append(false)
                default:
                    errors.append(
                        problem(line: record.line, where_(condition.rawValue), "expected true or false, found '\(text)'"))
                }
            }
            guard errors.count == before, let quality else { continue }
            applicants.append(
                ListedApplicant(
                    id: id, name: record.fields[column("name")], channel: channel, quality: quality,
                    meetsConditions: meets))
        }
        return errors.isEmpty ? .success(applicants) : .failure(ScenarioErrors(errors))
    }

    private func problem(line: Int?, _ place: String, _ message: String) -> ScenarioError {
        ScenarioError(file: file, keyPath: place, line: line, message: message)
    }
}
