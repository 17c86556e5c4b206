// The library's one product: everything a user of StudioForecast needs comes through this
// module, which re-exports the modules the toolkit is built of. A Swift package that depends on
// StudioForecast writes `import StudioForecast` and nothing else.

/// The output files, provenance and tables.
@_exported public import StudioReports
/// Policy as data: the grant lifecycle, selection and scoring rules of the measures.
@_exported public import StudioRules
/// Scenario files and their validation.
@_exported public import StudioScenario
/// The Monte Carlo engine, the exact evaluator, forecasts and their statistics.
@_exported public import StudioSimulation
/// The planner's workbooks: forecast.xlsx, comparison.xlsx and the analysts' tables.
@_exported public import StudioWorkbook
