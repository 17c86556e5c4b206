package import Foundation
package import StudioScenario
import StudioSimulation

/// `replications.csv`, which `run --keep-replications` writes: a `replication` column (0-based),
/// then one column per cell, `<year>/<metric>` for the year metrics and
/// `cohort <year>/<age>/<metric>` for the cohort metrics; a missing value is empty.
///
/// The file is written a block at a time into a temporary file in the output folder, so that a
/// run holds only the blocks in flight, never every replication; ``OutputDirectory`` then
/// moves it into place with the other files.
package final class ReplicationsFile {
    /// The file's name in an output folder.
    package static let name = "replications.csv"

    /// The column names of a scenario's file.
    package static func header(scenario: Scenario) -> [String] {
        let catalog = MetricCatalog(scenario: scenario)
        var header = ["replication"]
        for year in scenario.years { header += catalog.yearMetrics.map { "\(year)/\($0)" } }
        for cohort in scenario.years {
            for age in 1...scenario.horizonYears { header += catalog.cohortMetrics.map { "cohort \(cohort)/\(age)/\($0)" } }
        }
        return header
    }

    /// The lines of some replications, each ending with a line end.
    package static func rows(_ rows: [(replication: Int, values: [Double])]) -> Data {
        var text = ""
        for row in rows {
            text += ([String(row.replication)] + row.values.map(PlainNumber.format)).joined(separator: ",")
            text += "\n"
        }
        return Data(text.utf8)
    }

    private let handle: FileHandle
    /// The temporary file being written.
    package let temporaryPath: String
    private var failure: OutputError?

    /// Starts the file of `scenario` under a temporary name in `folder`, with its header.
    ///
    /// - Throws: ``OutputError`` when the folder or the file cannot be created.
    package init(scenario: Scenario, in folder: OutputDirectory) throws(OutputError) {
        temporaryPath = try folder.temporaryPath(for: Self.name)
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else { throw OutputError.cannotWrite(temporaryPath, reason: "cannot create the file") }
        self.handle = handle
        append(Data((Self.header(scenario: scenario).joined(separator: ",") + "\n").utf8))
    }

    /// Appends bytes; the first failure is kept for ``finish()`` and later bytes are dropped.
    package func append(_ data: Data) {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: data)
        } catch {
            failure = .cannotWrite(temporaryPath, reason: (error as NSError).localizedDescription)
        }
    }

    /// Closes the file.
    ///
    /// - Returns: its temporary path, to hand to ``OutputDirectory/write(_:placing:force:)``.
    /// - Throws: ``OutputError`` for the first write that failed (the file is then removed).
    package func finish() throws(OutputError) -> String {
        do {
            try handle.close()
        } catch {
            if failure == nil { failure = .cannotWrite(temporaryPath, reason: (error as NSError).localizedDescription) }
        }
        if let failure {
            discard()
            throw failure
        }
        return temporaryPath
    }

    /// Closes and removes the temporary file, after a failure elsewhere.
    package func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
        OutputSignalGuard.abandonWriting()
    }
}
