import Foundation
import Testing
import _TestSupport

@Suite("Tranches earned before the start year, on the command line")
struct LaggedTranchesCLITests {
    @Test("A payment lag without tranches_earned is one warning on standard error; the run goes on")
    func warningPrintedOnce() throws {
        let path = try CommandLine.scenarioFile(
            """
            name: lagged
            start_year: 2026
            horizon_years: 2
            programme:
              payment_lag_years: 1
            quota:
              per_year: 5
            existing_studios:
              - named_year: 2025
                count: 5
                tranches_paid: 0
              - named_year: 2025
                count: 2
                tranches_paid: 0

            """)
        let result = try CommandLine.run(["validate", path])
        #expect(result.status == 0)
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("studio-forecast: \(path):9: existing_studios[0].tranches_earned: warning:") == true)
        #expect(result.output.contains("valid"))
    }
}
