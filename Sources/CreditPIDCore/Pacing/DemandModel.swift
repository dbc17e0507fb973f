#if canImport(Glibc)
import Glibc
#endif

/// What an hour of CI costs at a 100% share, learned from the billed hours:
/// `level × hourOfDay[h] × weekday[d]`, plus how wrong its own forecasts have been.
///
/// Two levels are kept. The slow one (a day or two of memory) plans the rest of the month;
/// the fast one (hours) notices a surge or an outage while the slow one still averages it
/// away, and the controller takes the larger of the two for spend it cannot see yet.
struct DemandModel: Sendable, Equatable, Codable {
    struct Settings: Sendable, Equatable, Codable {
        /// Weight of a new hour in the slow and the fast level.
        var slowWeight = 1.0 / 48
        var fastWeight = 1.0 / 8
        /// How far one hour moves the daily and weekly shape.
        var shapeWeight = 0.05
        /// How far one window's error moves the error variance.
        var errorWeight = 0.02
        /// The relative error assumed before any forecast could be checked.
        var initialRelativeError = 0.3
    }

    var settings: Settings
    private(set) var hourOfDay: [Double] = DemandProfile.hourOfDay
    /// `hourOfDayBefore[h]`: the daily shape summed over the hours before `h` (25 values);
    /// derived, not saved.
    private var hourOfDayBefore: [Double] = Self.runningSums(DemandProfile.hourOfDay)
    private(set) var weekday: [Double] = DemandProfile.weekday
    private(set) var slowLevel: Double?
    private(set) var fastLevel: Double?
    private(set) var observations = 0
    /// Twice the mean square of the relative errors where demand came out above the
    /// forecast, for forecasts summed over a window of hours as long as the billing lag: only
    /// spend above the forecast can overspend, so an outage (demand far below) must not
    /// inflate the reserve. For errors that fall both ways alike it is their variance.
    private(set) var errorVariance: Double
    private var windowForecast: [Double] = []
    private var windowActual: [Double] = []

    init(settings: Settings = Settings()) {
        self.settings = settings
        errorVariance = settings.initialRelativeError * settings.initialRelativeError
    }

    private enum CodingKeys: String, CodingKey {
        case settings, hourOfDay, weekday, slowLevel, fastLevel, observations, errorVariance
        case windowForecast, windowActual
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        settings = try container.decode(Settings.self, forKey: .settings)
        hourOfDay = try container.decode([Double].self, forKey: .hourOfDay)
        weekday = try container.decode([Double].self, forKey: .weekday)
        slowLevel = try container.decodeIfPresent(Double.self, forKey: .slowLevel)
        fastLevel = try container.decodeIfPresent(Double.self, forKey: .fastLevel)
        observations = try container.decode(Int.self, forKey: .observations)
        errorVariance = try container.decode(Double.self, forKey: .errorVariance)
        windowForecast = try container.decode([Double].self, forKey: .windowForecast)
        windowActual = try container.decode([Double].self, forKey: .windowActual)
        let valid = hourOfDay.count == 24 && weekday.count == 7 && windowForecast.count == windowActual.count
            && (hourOfDay + weekday).allSatisfy { $0.isFinite && $0 > 0 } && errorVariance.isFinite
        guard valid else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "the demand model's profiles are not valid"))
        }
        hourOfDayBefore = Self.runningSums(hourOfDay)
    }

    private static func runningSums(_ values: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: values.count + 1)
        updateRunningSums(&sums, of: values)
        return sums
    }

    private static func updateRunningSums(_ sums: inout [Double], of values: [Double]) {
        var running = 0.0
        for index in values.indices {
            sums[index] = running
            running += values[index]
        }
        sums[values.count] = running
    }

    var isReady: Bool { slowLevel != nil }

    /// The relative error of a lag-long forecast on the side that overspends, one standard
    /// deviation.
    var relativeError: Double { errorVariance.squareRoot() }

    func shape(_ hour: Int) -> Double {
        hourOfDay[UTCHours.hourOfDay(hour)] * weekday[UTCHours.weekday(hour)]
    }

    /// Forecast cost of `hour` at 100%, from the slow level; 0 before any hour was billed.
    func forecast(_ hour: Int) -> Double {
        (slowLevel ?? 0) * shape(hour)
    }

    /// Forecast demand at 100% over the whole hours `[first, end)`, from the slow level.
    /// Days are summed from running sums of the daily shape and weeks from the profiles'
    /// totals, so the cost does not grow with the length of the span.
    func forecastTotal(fromHour first: Int, toHour end: Int) -> Double {
        guard let level = slowLevel, end > first else { return 0 }
        func partOfDay(_ day: Int, from startHour: Int, to endHour: Int) -> Double {
            (hourOfDayBefore[endHour] - hourOfDayBefore[startHour]) * weekday[CivilDate.weekday(daysSinceEpoch: day)]
        }
        let dayTotal = hourOfDayBefore[24]
        let firstDay = Int((Double(first) / 24).rounded(.down))
        let endDay = Int((Double(end) / 24).rounded(.down))
        if firstDay == endDay {
            return level * partOfDay(firstDay, from: first - firstDay * 24, to: end - endDay * 24)
        }
        var total = partOfDay(firstDay, from: first - firstDay * 24, to: 24)
        var day = firstDay + 1
        let weeks = (endDay - day) / 7
        total += Double(weeks) * dayTotal * 7   // the weekly shape has a mean of 1
        day += weeks * 7
        while day < endDay {
            total += dayTotal * weekday[CivilDate.weekday(daysSinceEpoch: day)]
            day += 1
        }
        total += partOfDay(endDay, from: 0, to: end - endDay * 24)
        return level * total
    }

    /// Forecast demand over the whole hours `[first, end)` weighted by `weight × ratio^k` for
    /// the k-th hour (at most 1), and the part of that sum from `tailFrom` on: the
    /// end-of-month ramp, summed with no division per hour.
    func geometricSum(fromHour first: Int, toHour end: Int, firstWeight: Double, ratio: Double,
                      tailFrom: Int) -> (total: Double, tail: Double) {
        guard let level = slowLevel, end > first else { return (0, 0) }
        var total = 0.0
        var tail = 0.0
        var weight = firstWeight
        var hourOfDayIndex = UTCHours.hourOfDay(first)
        var weekdayIndex = UTCHours.weekday(first)
        for hour in first..<end {
            let part = min(1, weight) * hourOfDay[hourOfDayIndex] * weekday[weekdayIndex]
            total += part
            if hour >= tailFrom { tail += part }
            weight *= ratio
            hourOfDayIndex += 1
            if hourOfDayIndex == 24 {
                hourOfDayIndex = 0
                weekdayIndex = weekdayIndex == 6 ? 0 : weekdayIndex + 1
            }
        }
        return (level * total, level * tail)
    }

    /// The forecast for spend not yet billed: the larger level, so that a surge already
    /// visible in the latest hours counts for the hours after them.
    func cautiousForecast(_ hour: Int) -> Double {
        max(slowLevel ?? 0, fastLevel ?? 0) * shape(hour)
    }

    /// Learns one billed hour: `demand` is its cost divided by the share in force.
    /// `forecastWhenRun` is the forecast the controller counted for the hour while it ran and
    /// was not billed yet: its error is the one that matters, and it is larger than the
    /// error of a forecast made now. `window` is how many hours the error check sums over
    /// (the billing lag plus one).
    mutating func learn(hour: Int, demand: Double, window: Int, forecastWhenRun: Double? = nil) {
        guard demand.isFinite, demand >= 0 else { return }
        observations += 1
        guard let slow = slowLevel, let fast = fastLevel else {
            slowLevel = demand / shape(hour)
            fastLevel = slowLevel
            return
        }
        let predicted = slow * shape(hour)
        checkForecast(predicted: forecastWhenRun ?? predicted, actual: demand, window: max(1, window))

        // The shape learns from the ratio, bounded so that one surge or outage hour cannot
        // rewrite the week.
        if predicted > 0 {
            let ratio = min(2, max(0.5, demand / predicted))
            let day = UTCHours.hourOfDay(hour)
            let week = UTCHours.weekday(hour)
            hourOfDay[day] *= 1 + settings.shapeWeight * (ratio - 1)
            weekday[week] *= 1 + settings.shapeWeight * (ratio - 1)
            DemandProfile.normalize(&hourOfDay)
            DemandProfile.normalize(&weekday)
            Self.updateRunningSums(&hourOfDayBefore, of: hourOfDay)
        }

        // Early on every hour weighs as much as the mean of those before it.
        let deseasonalized = demand / shape(hour)
        let early = 1 / Double(observations)
        slowLevel = slow + max(settings.slowWeight, early) * (deseasonalized - slow)
        fastLevel = fast + max(settings.fastWeight, early) * (deseasonalized - fast)
    }

    private mutating func checkForecast(predicted: Double, actual: Double, window: Int) {
        windowForecast.append(predicted)
        windowActual.append(actual)
        if windowForecast.count > window {
            windowForecast.removeFirst(windowForecast.count - window)
            windowActual.removeFirst(windowActual.count - window)
        }
        guard windowForecast.count == window else { return }
        let forecastSum = windowForecast.reduce(0, +)
        guard forecastSum > 0 else { return }
        let excess = max(0, (windowActual.reduce(0, +) - forecastSum) / forecastSum)
        errorVariance += settings.errorWeight * (2 * excess * excess - errorVariance)
    }
}
