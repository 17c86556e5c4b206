/// How the year's quota places are filled (Art. 7): the seam where the applicant pool, screening and
/// ranking plug in.
public enum SelectionModel: Sendable, Hashable {
    /// Every quota place is filled every year.
    case fillQuota

    /// How many studios are named in a year with `quota` places.
    @inline(__always)
    func namedCount(quota: Int, using stream: RandomStream) -> Int {
        switch self {
        case .fillQuota: return quota
        }
    }
}
