import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Scenario months made up on demand, in the families of the public scenarios: the same
/// kinds of month (surges, outages, a late start, a long lag…) with other random draws. The
/// controller is judged on months it has not seen; these are how to do that here.
///
/// The demand is CI-shaped: a weekly and a daily profile, a day-to-day level that wanders a
/// little, hour-to-hour noise, and each family's own events on top.
public enum ScenarioFamily: String, CaseIterable, Sendable {
    case steady, surges, incidents, noisy, lag24h = "lag-24h", highDemand = "high-demand"
    case lowDemand = "low-demand", smallBudget = "small-budget", february
    case midMonthStart = "mid-month-start", aheadOfSchedule = "ahead-of-schedule"
    case behindSchedule = "behind-schedule"

    /// A month of this family; the same seed gives the same month.
    public func generate(seed: UInt64) -> Scenario {
        var random = SplitMix64(seed: seed ^ (UInt64(Self.allCases.firstIndex(of: self)!) &* 0x9E37_79B9_7F4A_7C15))
        let year = 2025 + random.int(below: 3)
        let month = self == .february ? 2 : 1 + random.int(below: 12)
        let period = BudgetPeriod(year: year, month: month)
        let hours = Int(period.duration / 3600)

        var credits = 500_000.0
        var lag = 12
        var need = random.uniform(0.30, 0.60)   // share of all jobs the credits cover
        var noise = 0.25
        var startDay = 0
        switch self {
        case .lag24h: lag = 24
        case .smallBudget: credits = 20_000; lag = 6
        case .highDemand: need = random.uniform(0.10, 0.14)
        case .lowDemand: need = random.uniform(1.2, 1.6)
        case .noisy: noise = 0.6; lag = 16
        case .february: lag = 8
        case .midMonthStart, .aheadOfSchedule, .behindSchedule: startDay = 8 + random.int(below: 11)
        default: break
        }

        var demand = Self.baseDemand(period: period, hours: hours, noise: noise, random: &random)
        if self == .noisy {
            let (from, to) = (random.uniform(0.7, 0.8), random.uniform(1.2, 1.35))
            for hour in demand.indices { demand[hour] *= from + (to - from) * Double(hour) / Double(hours) }
        }
        if self == .surges { Self.addSurges(&demand, random: &random) }
        if self == .incidents { Self.addOutages(&demand, random: &random) }

        let startHour = startDay * 24
        let spentFraction: Double
        switch self {
        case .aheadOfSchedule: spentFraction = random.uniform(0.45, 0.6)
        case .behindSchedule: spentFraction = random.uniform(0.15, 0.3)
        case .midMonthStart: spentFraction = Double(startHour) / Double(hours) * random.uniform(0.85, 1.15)
        default: spentFraction = 0
        }
        let spentBefore = (credits * spentFraction * 100).rounded() / 100
        let rest = Array(demand[startHour...])
        let scale = (credits - spentBefore) / need / rest.reduce(0, +)
        let start = Date(timeIntervalSince1970: period.start.timeIntervalSince1970 + Double(startHour) * 3600)
        return Scenario(name: "\(rawValue)-\(seed)", description: "generated \(rawValue) month",
                        periodStart: period.start, periodEnd: period.end, start: start, stepSeconds: 3600,
                        totalCredits: credits, spentBeforeStart: spentBefore, initialPercentage: 35,
                        billingLagHours: lag, demandPerHour: rest.map { ($0 * scale * 100).rounded() / 100 })
    }

    /// CI's week: weekdays about twice a weekend day, a peak in the UTC afternoon.
    static let weekdayShape = [1.22, 1.22, 1.19, 1.16, 1.16, 0.52, 0.52]
    static let hourShape = [0.91, 0.84, 0.75, 0.69, 0.67, 0.62, 0.66, 0.69, 0.74, 0.81, 0.92, 1.0,
                            1.1, 1.19, 1.22, 1.31, 1.32, 1.39, 1.32, 1.36, 1.26, 1.14, 1.08, 1.0]

    private static func baseDemand(period: BudgetPeriod, hours: Int, noise: Double,
                                   random: inout SplitMix64) -> [Double] {
        let firstHour = UTCHours.index(period.start)
        var dayLevel = 1.0
        var demand: [Double] = []
        demand.reserveCapacity(hours)
        for offset in 0..<hours {
            if offset % 24 == 0 { dayLevel = max(0.7, random.normal(mean: 1, deviation: 0.05)) }
            let hour = firstHour + offset
            let shape = hourShape[UTCHours.hourOfDay(hour)] * weekdayShape[UTCHours.weekday(hour)]
            let jitter = exp(random.normal(mean: 0, deviation: noise) - noise * noise / 2)
            demand.append(shape * dayLevel * jitter)
        }
        return demand
    }

    /// Two or three release surges of one to three days at 1.5 to 3 times the demand.
    private static func addSurges(_ demand: inout [Double], random: inout SplitMix64) {
        var taken = [Bool](repeating: false, count: demand.count)
        for _ in 0..<(2 + random.int(below: 2)) {
            let length = 24 + random.int(below: 49)
            let start = random.int(below: demand.count - 24)
            let range = max(0, start - 24)..<min(demand.count, start + length + 24)
            if range.contains(where: { taken[$0] }) { continue }
            let factor = random.uniform(1.5, 3)
            for hour in start..<min(demand.count, start + length) {
                demand[hour] *= factor
                taken[hour] = true
            }
        }
    }

    /// Three CI outages of 6 to 30 hours, when almost nothing runs.
    private static func addOutages(_ demand: inout [Double], random: inout SplitMix64) {
        for _ in 0..<3 {
            let length = 6 + random.int(below: 25)
            let start = random.int(below: demand.count - 30)
            for hour in start..<min(demand.count, start + length) { demand[hour] *= random.uniform(0.01, 0.2) }
        }
    }
}
