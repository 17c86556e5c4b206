/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends, an optional
/// UTF-8 byte-order mark) into records, each with the line it starts on.
package struct CSVRecords {
    /// One record and the 1-based line it starts on.
    package struct Record {
        package var line: Int
        package var fields: [String]
    }

    /// The records, blank lines skipped.
    let records: [Record]

    /// Parses `text`, all at once (see ``CSVRecordParser`` to read a record at a time).
    ///
    /// - Throws: ``ScenarioError`` for a quote left open, naming `file` and the line it opened on.
    init(text: String, file: String) throws(ScenarioError) {
        var parser = CSVRecordParser(file: file)
        var records = parser.consume(text.utf8)
        if let last = try parser.finish() { records.append(last) }
        self.records = records
    }
}
