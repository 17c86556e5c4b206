/// The skill levels whose attainment Art. 12.2 subsidises, with the measures' amounts.
public enum SkillLevel: String, CaseIterable, Sendable, Hashable {
    /// 初级工
    case junior
    /// 中级工
    case intermediate
    /// 高级工
    case senior
    /// 技师
    case technician
    /// 高级技师
    case seniorTechnician = "senior_technician"
    /// 特级技师
    case specialTechnician = "special_technician"
    /// 首席技师
    case chiefTechnician = "chief_technician"

    /// Yuan per person reaching the level (Art. 12.2).
    public var measuresAmount: Double {
        switch self {
        case .junior: return 500
        case .intermediate: return 1_000
        case .senior: return 2_000
        case .technician: return 5_000
        case .seniorTechnician: return 10_000
        case .specialTechnician: return 15_000
        case .chiefTechnician: return 20_000
        }
    }

    /// The level's name in the measures.
    public var chineseName: String {
        switch self {
        case .junior: return "初级工"
        case .intermediate: return "中级工"
        case .senior: return "高级工"
        case .technician: return "技师"
        case .seniorTechnician: return "高级技师"
        case .specialTechnician: return "特级技师"
        case .chiefTechnician: return "首席技师"
        }
    }
}
