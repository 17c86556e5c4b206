import Foundation
import StudioScenario
import StudioSimulation

/// Reads a shard's `replications.csv` back a record at a time, trusting nothing in it.
///
/// The file must start with the header the scenario gives (``ReplicationsFile/header(scenario:)``),
/// then hold one row per replication of the shard, in order, each complete: its replication
/// number, then a value per cell that is empty (missing) or a finite number within
/// ``CellMoments/valueLimit``. Feed bytes with ``consume(_:)`` and end with ``finish()``; or
/// call ``read(path:header:replications:row:)`` to stream a file, or
/// ``read(text:file:header:replications:)`` for text in memory.
package struct ReplicationsReader {
    /// One row: a replication's values and the line it starts on.
    package struct Row: Sendable {
        /// The 0-based replication.
        package var replication: Int
        /// Its values, `ReplicationLedger.allValues` order; NaN where missing.
        package var values: [Double]
        /// The 1-based line.
        package var line: Int
    }

    /// The file named in errors.
    package let file: String
    private let header: [String]
    private let replications: Range<Int>
    private var parser: CSVRecordParser
    private var headerLine: Int?
    /// The replication the next row must hold.
    package private(set) var nextReplication: Int

    /// A reader of the rows of `replications`, under `header`; `file` names it in errors.
    package init(file: String, header: [String], replications: Range<Int>) {
        self.file = file
        self.header = header
        self.replications = replications
        parser = CSVRecordParser(file: file)
        nextReplication = replications.lowerBound
    }

    /// Consumes the next bytes of the file.
    ///
    /// - Returns: the rows these bytes complete, each as its replication and values.
    /// - Throws: ``ShardError/replications(file:line:message:)`` for the first bad record.
    package mutating func consume(_ bytes: some Sequence<UInt8>) throws(ShardError) -> [Row] {
        var rows: [Row] = []
        for record in parser.consume(bytes) {
            if let row = try check(record) { rows.append(row) }
        }
        return rows
    }

    /// Ends the file.
    ///
    /// - Returns: the last row, when the file does not end with a line end.
    /// - Throws: ``ShardError/replications(file:line:message:)`` for a bad last record, a quote
    ///   left open, or rows that stop before the shard's last replication.
    package mutating func finish() throws(ShardError) -> [Row] {
        let last: CSVRecords.Record?
        do {
            last = try parser.finish()
        } catch {
            throw ShardError.replications(file: file, line: error.line ?? 1, message: error.message)
        }
        var rows: [Row] = []
        if let last, let row = try check(last) { rows.append(row) }
        guard headerLine != nil else {
            throw ShardError.replications(file: file, line: 1, message: "the file is empty; expected the header")
        }
        guard nextReplication == replications.upperBound else {
            throw ShardError.replications(
                file: file, line: parserLineHint,
                message: "the rows end before replication \(nextReplication); this shard holds \(replications)")
        }
        return rows
    }

    /// The line reported for a file that ends early: the header's line plus the rows read.
    private var parserLineHint: Int { (headerLine ?? 1) + (nextReplication - replications.lowerBound) + 1 }

    /// Checks one record: the header, or the next row.
    private mutating func check(_ record: CSVRecords.Record) throws(ShardError) -> Row? {
        func fail(_ message: String) -> ShardError { .replications(file: file, line: record.line, message: message) }
        guard headerLine != nil else {
            guard record.fields == header else {
                let shared = min(record.fields.count, header.count)
                let column = (0..<shared).first { record.fields[$0] != header[$0] } ?? shared
                let expected = column < header.count ? "'\(header[column])'" : "no more columns"
                let found = column < record.fields.count ? "'\(record.fields[column].prefix(60))'" : "no more columns"
                throw fail("the header is not this scenario's: column \(column + 1) is \(found) where \(expected) was expected")
            }
            headerLine = record.line
            return nil
        }
        guard record.fields.count == header.count else {
            throw fail("\(record.fields.count) fields where \(header.count) were expected (a replication and a value per cell)")
        }
        guard let replication = Int(record.fields[0]) else {
            throw fail("the replication '\(record.fields[0].prefix(60))' is not a whole number")
        }
        guard nextReplication < replications.upperBound else {
            throw fail("replication \(replication) is one too many; this shard holds \(replications)")
        }
        guard replication == nextReplication else {
            throw fail(
                "replication \(replication) where \(nextReplication) was expected; the rows hold \(replications) once each, in order"
            )
        }
        var values: [Double] = []
        values.reserveCapacity(header.count - 1)
        for (column, text) in record.fields.enumerated().dropFirst() {
            if text.isEmpty {
                values.append(.nan)
                continue
            }
            guard let value = Double(text), value.isFinite, abs(value) <= CellMoments.valueLimit else {
                throw fail(
                    "\(header[column]): '\(text.prefix(60))' is not a finite number within ±\(Int64(CellMoments.valueLimit))")
            }
            values.append(value)
        }
        nextReplication += 1
        return Row(replication: replication, values: values, line: record.line)
    }

    // MARK: - Whole files

    /// Streams the file at `path`, a chunk at a time, calling `row` with each row in order.
    ///
    /// - Throws: ``ShardError`` when the file cannot be read or a record is bad, or what `row` throws.
    package static func read(
        path: String, header: [String], replications: Range<Int>,
        row: (Row) throws(ShardError) -> Void
    ) throws(ShardError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ShardError.unreadable(file: path, reason: "no such file, or not permitted")
        }
        defer { try? handle.close() }
        var reader = ReplicationsReader(file: path, header: header, replications: replications)
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ShardError.unreadable(file: path, reason: (error as NSError).localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            for next in try reader.consume(chunk) { try row(next) }
        }
        for next in try reader.finish() { try row(next) }
    }

    /// Reads a whole file given as text; `file` names it in errors.
    ///
    /// - Throws: ``ShardError`` for the first bad record.
    package static func read(
        text: String, file: String, header: [String], replications: Range<Int>
    ) throws(ShardError) -> [Row] {
        var reader = ReplicationsReader(file: file, header: header, replications: replications)
        return try reader.consume(text.utf8) + reader.finish()
    }
}
