import StudioForecast
import Testing

/// A sweep's grid of scenario overrides.
@Suite("Sweep grid")
struct SweepGridTests {
    @Test("Two keys make every combination, the last key varying fastest")
    func grid() throws {
        let grid = try SweepGrid(["quota.per_year=4,6", "selection.shortlist_score=75,80,85"])
        #expect(grid.keyPaths == ["quota.per_year", "selection.shortlist_score"])
        #expect(
            grid.points.map { $0.map(\.value) } == [
                ["4", "75"], ["4", "80"], ["4", "85"], ["6", "75"], ["6", "80"], ["6", "85"],
            ])
    }

    @Test(
        "Settings that make no grid are refused with the setting at fault",
        arguments: [
            ([] as [String], nil as String?),
            (["quota.per_year"], "quota.per_year"),
            (["quota.per_year=4", "quota.per_year=5"], nil),
            (["quota.per_year=+5"], "quota.per_year=+5"),
            (["a=1", "b=2", "c=3"], nil),
        ])
    func refused(settings: [String], setting: String?) {
        let error = #expect(throws: SweepGridError.self) { try SweepGrid(settings) }
        #expect(error?.setting == setting)
    }

    @Test("A negative number is a plain value, a leading = is a formula")
    func formulas() {
        #expect(!SweepGrid.startsFormula("-5"))
        #expect(SweepGrid.startsFormula("-x"))
        #expect(SweepGrid.startsFormula("=1+1"))
    }
}
