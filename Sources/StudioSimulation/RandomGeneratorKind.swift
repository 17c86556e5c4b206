/// A GSL generator type, such as `mt19937` or `taus2`, known to be one of GSL's.
///
/// The only way to make one is ``init(named:)``, which checks the name against GSL's list
/// (`gsl_rng_types_setup`), so the engines that take a kind cannot meet an unknown generator
/// halfway through a run.
public struct RandomGeneratorKind: Sendable, Hashable, CustomStringConvertible {
    /// The GSL name, as `gsl_rng_name` gives it.
    package let name: String
    /// The type's position in GSL's list of generator types.
    let index: Int

    /// The kind GSL calls `name`.
    ///
    /// - Throws: ``UnknownGeneratorError``, listing GSL's names, when GSL has no generator of that name.
    ///
    /// - Parameter name: the GSL name, as `gsl_rng_name` gives it.
    public init(named name: String) throws(UnknownGeneratorError) {
        guard let index = GSLLibrary.generatorNames.firstIndex(of: name) else {
            throw UnknownGeneratorError(name: name, validNames: GSLLibrary.generatorNames)
        }
        self.name = name
        self.index = index
    }

    /// The GSL name.
    public var description: String { name }
}
