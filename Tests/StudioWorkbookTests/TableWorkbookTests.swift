import Testing

import StudioSimulation
@testable import StudioWorkbook

@Suite("The table workbooks of sweep and sensitivity")
struct TableWorkbookTests {
    @Test("a CSV line splits into its fields, quoted commas and quotes included")
    func fields() {
        #expect(
            TableWorkbook.fields("a,,\"[0.3,0.3,0.4]\",\"say \"\"hi\"\"\",2") == [
                "a", "", "[0.3,0.3,0.4]", "say \"hi\"", "2",
            ])
        #expect(TableWorkbook.fields("") == [""])
    }

    @Test(
        "a column's number format follows its name",
        arguments: [
            ("year", NumberKind?.some(.whole)), ("parameter", nil), ("base_value", .plain),
            ("net_outflow_p95", .tenThousandYuan),
            ("mean_change_low", .tenThousandYuan), ("budget_breach_mean", .percent), ("active_mean", .count),
            ("quota.per_year", .plain),
        ])
    func kinds(name: String, kind: NumberKind?) {
        #expect(TableWorkbook.kind(name) == kind)
    }

    @Test("headings are in people's words in Chinese and English")
    func labels() {
        let zh = TableWorkbook(
            analysis: .sweep, scenarioName: "s", csv: "", provenanceJSON: "{}", language: .zh)
        let en = TableWorkbook(
            analysis: .sweep, scenarioName: "s", csv: "", provenanceJSON: "{}", language: .en)
        #expect(zh.label("net_outflow_mean") == "净支出_均值")
        #expect(en.label("net_outflow_p95") == "Net outflow_P95")
        #expect(zh.label("quota.per_year") == "quota.per_year")
    }

    @Test("a sensitivity table's changes take the unit of the output measured, money by default")
    func changeUnits() {
        func workbook(_ measure: OutputMeasure?) -> TableWorkbook {
            TableWorkbook(analysis: .sensitivity, scenarioName: "s", csv: "", provenanceJSON: "{}", measure: measure)
        }
        let chance = workbook(OutputMeasure(metric: .anyBudgetBreach, window: .period(first: 2026, last: 2030)))
        let money = workbook(OutputMeasure(metric: .cumulativeNetOutflow, statistic: .p95, window: .year(2030)))
        for column in ["mean_change_low", "p95_change_high", "change_low", "change_mcse"] {
            #expect(chance.columnKind(column) == .percent)
            #expect(money.columnKind(column) == .tenThousandYuan)
        }
        #expect(workbook(nil).columnKind("mean_change_low") == .tenThousandYuan)
        #expect(chance.columnKind("base_value") == .plain)
        #expect(chance.columnKind("parameter") == nil)
    }
}
