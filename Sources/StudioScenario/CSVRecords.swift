/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends, an optional
/// UTF-8 byte-order mark) into records, each with the line it starts on.
struct CSVRecords {
    /// One record and the 1-based line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The records, blank lines skipped.
    let records: [Record]

    /// Parses `text`.
    ///
    /// - Throws: ``ScenarioError`` for a quote left open, naming `file` and the line it opened on.
    init(text: String, file: String) throws(ScenarioError) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw ScenarioError(file: file, keyPath: "", line: quoteLine, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        self.records = records
    }
}
