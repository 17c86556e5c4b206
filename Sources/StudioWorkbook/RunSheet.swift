import Foundation

/// The run sheet of every workbook: the fields of `run.json`, one a row, as written there.
struct RunSheet {
    let labels: WorkbookLabels
    /// The text of `run.json`.
    let provenanceJSON: String

    /// Writes the fields into `sheet`.
    func write(_ sheet: XLSXSheet) {
        sheet.write(labels.say("运行信息（run.json）", "Run (run.json)"), row: 0, column: 0, style: .title)
        let headingRow = 2
        sheet.write(labels.say("项目", "Field"), row: headingRow, column: 0, style: .heading)
        sheet.write(labels.say("值", "Value"), row: headingRow, column: 1, style: .heading)
        var row = headingRow + 1
        for (key, value) in Self.fields(of: provenanceJSON) {
            sheet.write(key, row: row, column: 0, style: .label)
            sheet.write(value, row: row, column: 1, style: .label)
            row += 1
        }
        sheet.setWidth(18, columns: 0...0)
        sheet.setWidth(70, columns: 1...1)
        sheet.freeze(row: headingRow + 1, column: 0)
        sheet.printAsAttachment(headings: headingRow...headingRow)
    }

    /// The top-level fields of a JSON object in key order, each value as JSON writes it (a
    /// string unquoted); none when the text is not a JSON object.
    static func fields(of json: String) -> [(String, String)] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            return []
        }
        return object.keys.sorted().map { key in
            guard let value = object[key] else { return (key, "") }
            if let text = value as? String { return (key, text) }
            if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
                return (key, String(decoding: data, as: UTF8.self))
            }
            return (key, "\(value)")
        }
    }
}
