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
    private(set) var weekday: [Double] = DemandProfile.weekday
    private(set) var slowLevel: Double?
    private(set) var fastLevel: Double?
    private(set) var observations = 0
    /// Variance of the relative error of forecasts summed over a window of hours as long as
    /// the billing lag: the error that matters for spend not yet billed.
    private(set) var errorVariance: Double
    private var windowForecast: [Double] = []
    private var windowActual: [Double] = []

    init(settings: Settings = Settings()) {
        self.settings = settings
        errorVariance = settings.initialRelativeError * settings.initialRelativeError
    }

    var isReady: Bool { slowLevel != nil }

    /// The relative error of a lag-long forecast, one standard deviation.
    var relativeError: Double { errorVariance.squareRoot() }

    func shape(_ hour: Int) -> Double {
        hourOfDay[UTCHours.hourOfDay(hour)] * weekday[UTCHours.weekday(hour)]
    }

    /// Forecast cost of `hour` at 100%, from the slow level; 0 before any hour was billed.
    func forecast(_ hour: Int) -> Double {
        (slowLevel ?? 0) * shape(hour)
    }

    /// The forecast for spend not yet billed: the larger level, so that a surge already
    /// visible in the latest hours counts for the hours after them.
    func cautiousForecast(_ hour: Int) -> Double {
        max(slowLevel ?? 0, fastLevel ?? 0) * shape(hour)
    }

    /// Learns one billed hour: `demand` is its cost divided by the share in force.
    /// `window` is how many hours the error check sums over (the billing lag plus one).
    mutating func learn(hour: Int, demand: Double, window: Int) {
        guard demand.isFinite, demand >= 0 else { return }
        observations += 1
        guard let slow = slowLevel, let fast = fastLevel else {
            slowLevel = demand / shape(hour)
            fastLevel = slowLevel
            return
        }
        let predicted = slow * shape(hour)
        checkForecast(predicted: predicted, actual: demand, window: max(1, window))

        // The shape learns from the ratio, bounded so that one surge or outage hour cannot
        // rewrite the week.
        if predicted > 0 {
            let ratio = min(2, max(0.5, demand / predicted))
            let day = UTCHours.hourOfDay(hour)
            let week = UTCHours.weekday(hour)
            hourOfDay[day] *= 1 + settings.shapeWeight * (ratio - 1)
            weekday[week] *= 1 + settings.shapeWeight * (ratio - 1)
            hourOfDay = DemandProfile.normalized(hourOfDay)
            weekday = DemandProfile.normalized(weekday)
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
        let error = (windowActual.reduce(0, +) - forecastSum) / forecastSum
        errorVariance += settings.errorWeight * (error * error - errorVariance)
    }
}
