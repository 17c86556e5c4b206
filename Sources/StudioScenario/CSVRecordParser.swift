/// Splits CSV bytes (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends, an optional
/// UTF-8 byte-order mark) into records as they arrive, so that a file of any size can be read a
/// chunk at a time with only the record being read in memory.
///
/// The syntax characters are ASCII, which never occur inside a multi-byte UTF-8 sequence, so a
/// chunk may end anywhere; each field's bytes are decoded as UTF-8 when the field ends.
package struct CSVRecordParser {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let newline = UInt8(ascii: "\n")

    /// The file named in errors.
    private let file: String
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    /// A quote seen inside quotes: doubled (a literal quote) or closing, as the next byte tells.
    private var quotePending = false
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    /// The bytes of a leading byte-order mark matched so far; nil once past the start.
    private var markMatched: Int? = 0

    /// A parser for the file named `file` in errors.
    package init(file: String) {
        self.file = file
    }

    /// Consumes the next bytes of the text.
    ///
    /// - Returns: the records these bytes complete, blank lines skipped.
    package mutating func consume(_ bytes: some Sequence<UInt8>) -> [CSVRecords.Record] {
        var records: [CSVRecords.Record] = []
        for byte in bytes {
            if let matched = markMatched {
                if byte == Self.byteOrderMark[matched] {
                    markMatched = matched + 1 == Self.byteOrderMark.count ? nil : matched + 1
                    continue
                }
                markMatched = nil
                for held in Self.byteOrderMark[..<matched] { step(held, into: &records) }
            }
            step(byte, into: &records)
        }
        return records
    }

    /// Ends the text.
    ///
    /// - Returns: the last record, when the text does not end with a line end.
    /// - Throws: ``ScenarioError`` for a quote left open, naming the file and the line it opened on.
    package mutating func finish() throws(ScenarioError) -> CSVRecords.Record? {
        var records: [CSVRecords.Record] = []
        if let matched = markMatched {
            markMatched = nil
            for held in Self.byteOrderMark[..<matched] { step(held, into: &records) }
        }
        if quotePending {
            quotePending = false
            inQuotes = false
        }
        if inQuotes {
            throw ScenarioError(file: file, keyPath: "", line: quoteLine, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord(into: &records) }
        return records.last
    }

    private mutating func step(_ byte: UInt8, into records: inout [CSVRecords.Record]) {
        if quotePending {
            quotePending = false
            if byte == Self.quote {
                field.append(Self.quote)
                return
            }
            inQuotes = false
        }
        if inQuotes {
            if byte == Self.quote {
                quotePending = true
            } else {
                if byte == Self.newline { line += 1 }
                field.append(byte)
            }
            return
        }
        switch byte {
        case Self.quote:
            inQuotes = true
            quoteLine = line
        case Self.comma:
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        case Self.carriageReturn:
            break
        case Self.newline:
            endRecord(into: &records)
            line += 1
            recordLine = line
        default:
            field.append(byte)
        }
    }

    private mutating func endRecord(into records: inout [CSVRecords.Record]) {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecords.Record(line: recordLine, fields: fields)) }
        fields = []
    }
}
