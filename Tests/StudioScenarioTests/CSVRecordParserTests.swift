import Testing

@testable import StudioScenario

@Suite("CSV records read a chunk at a time")
struct CSVRecordParserTests {
    /// Quoted fields with commas, doubled quotes and line ends, CRLF, a blank line, Chinese text,
    /// a byte-order mark and no final line end.
    static let text = "\u{FEFF}name,note\r\n\"a, b\",\"say \"\"hi\"\"\"\n\n工作室,\"two\nlines\"\nlast,"

    @Test("Every split of the bytes gives the records the whole text gives")
    func everySplit() throws {
        let whole = try CSVRecords(text: Self.text, file: "t.csv").records
        #expect(whole.map(\.fields) == [["name", "note"], ["a, b", "say \"hi\""], ["工作室", "two\nlines"], ["last", ""]])
        #expect(whole.map(\.line) == [1, 2, 4, 6])
        let bytes = Array(Self.text.utf8)
        for split in 0...bytes.count {
            var parser = CSVRecordParser(file: "t.csv")
            var records = parser.consume(bytes[..<split]) + parser.consume(bytes[split...])
            if let last = try parser.finish() { records.append(last) }
            #expect(records.map(\.fields) == whole.map(\.fields), "split at byte \(split)")
            #expect(records.map(\.line) == whole.map(\.line), "split at byte \(split)")
        }
    }

    @Test("A quote left open is named with the line it opened on, however the bytes arrive")
    func openQuote() {
        var parser = CSVRecordParser(file: "t.csv")
        _ = parser.consume(Array("a,b\nc,\"d\n".utf8))
        _ = parser.consume(Array("e".utf8))
        #expect(throws: ScenarioError(file: "t.csv", keyPath: "", line: 2, message: "a quoted field is never closed")) {
            try parser.finish()
        }
    }

    @Test("A text that is only part of a byte-order mark keeps its bytes")
    func partialMark() throws {
        var parser = CSVRecordParser(file: "t.csv")
        let records = parser.consume([0xEF, 0xBB, UInt8(ascii: ","), UInt8(ascii: "x"), UInt8(ascii: "\n")])
        #expect(records.first?.fields == [String(decoding: [0xEF, 0xBB], as: UTF8.self), "x"])
    }
}
