public import StudioSimulation

/// What a run did, as `run.json` records it in `method`: a forecast by Monte Carlo or exact
/// expectations, or one of the analyses built on forecasts.
public enum RunMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Monte Carlo replications (`run`, `merge`).
    case montecarlo
    /// Exact expectations, no sampling (`run --method exact`).
    case exact
    /// Two scenarios on common random numbers (`compare`).
    case compare
    /// A scenario at each point of a grid (`sweep`).
    case sweep
    /// Each input moved down and up (`sensitivity`).
    case sensitivity
    /// A lever searched under constraints (`solve`).
    case solve

    /// The method of a forecast.
    ///
    /// - Parameter method: how the forecast was obtained.
    public init(_ method: Forecast.Method) {
        switch method {
        case .montecarlo: self = .montecarlo
        case .exact: self = .exact
        }
    }
}
