/// The six conditions a studio must all meet to be named (Art. 2).
public enum ApplicantCondition: String, CaseIterable, Sendable, Hashable {
    /// 有领衔人才: a leader with city-level honours or a recognised skills title.
    case leader
    /// 有创新团队: a stable team with a sound mix of skills, education and ages.
    case team
    /// 有活动保障: a venue, equipment, dedicated funding and management rules.
    case facilities
    /// 有攻关课题: at least one project and one recognised result a year.
    case projects
    /// 有示范作用: it leads mass technical innovation in its unit or industry.
    case demonstration
    /// 有创建基础: already named at county or district level or above.
    case base

    /// The condition's name in the measures.
    public var chineseName: String {
        switch self {
        case .leader: return "有领衔人才"
        case .team: return "有创新团队"
        case .facilities: return "有活动保障"
        case .projects: return "有攻关课题"
        case .demonstration: return "有示范作用"
        case .base: return "有创建基础"
        }
    }
}
