import Foundation
import StudioRules

/// Reads a real applicant list (`applicants.list`): a CSV file with the columns `id`, `name`,
/// `channel` (when the scenario names channels), `quality` (or `score`) and one column per
/// condition of Art. 2 (`leader`, `team`, `facilities`, `projects`, `demonstration`, `base`)
/// holding `true` or `false`.
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

    /// The columns every list needs; `channel` is needed only when the scenario names channels.
    var requiredColumns: [String] {
        ["id", "name"] + (channelNames.isEmpty ? [] : ["channel"]) + ApplicantCondition.allCases.map(\.rawValue)
    }

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
        var indices: [String: Int] = [:]
        for (index, name) in columns.enumerated() where indices[name] == nil { indices[name] = index }
        let missing = requiredColumns.filter { indices[$0] == nil }
        guard missing.isEmpty, let idColumn = indices["id"], let nameColumn = indices["name"],
            let qualityColumn = indices["quality"] ?? indices["score"]
        else {
            let names = (missing + (indices["quality"] ?? indices["score"] == nil ? ["quality"] : [])).joined(separator: ", ")
            errors.append(problem(line: header.line, "header", "missing column(s) \(names)"))
            return .failure(ScenarioErrors(errors))
        }
        let channelColumn = indices["channel"]
        let conditionColumns = ApplicantCondition.allCases.compactMap { indices[$0.rawValue] }
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
            let id = value(idColumn)
            if id.isEmpty {
                errors.append(problem(line: record.line, where_("id"), "is empty"))
            } else if !seenIDs.insert(id).inserted {
                errors.append(problem(line: record.line, where_("id"), "'\(id)' appears twice"))
            }
            let qualityText = value(qualityColumn)
            let quality = Double(qualityText).flatMap { (0...100).contains($0) ? $0 : nil }
            if quality == nil {
                errors.append(
                    problem(
                        line: record.line, where_(columns[qualityColumn]),
                        "expected a number from 0 to 100, found '\(qualityText)'"))
            }
            var channel = 0
            if !channelNames.isEmpty, let channelColumn {
                let channelText = value(channelColumn)
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
            for (condition, index) in zip(ApplicantCondition.allCases, conditionColumns) {
                let text = value(index).lowercased()
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
                    id: id, name: record.fields[nameColumn], channel: channel, quality: quality,
                    meetsConditions: meets))
        }
        return errors.isEmpty ? .success(applicants) : .failure(ScenarioErrors(errors))
    }

    private func problem(line: Int?, _ place: String, _ message: String) -> ScenarioError {
        ScenarioError(file: file, keyPath: place, line: line, message: message)
    }
}
