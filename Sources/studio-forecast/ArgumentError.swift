import StudioForecast

/// A command-line argument refused once the command runs (exit 64), such as more shards than
/// the replications' blocks.
struct ArgumentError: StudioForecastError {
    /// What is wrong and what to give instead, naming the option.
    var description: String

    /// An argument names no file.
    var location: ProblemLocation { .none }
    var category: ProblemCategory { .badArgument }
}
