import FoundationEssentials

/// Every section and key credit-pid reads, in the order `check` prints them. Adding a key here
/// is all it takes for the loader to parse it and `check` to print it; its default lives in
/// `Configuration` and is documented in config/credit-pid.conf.
enum ConfigurationSchema {
    typealias Invalid = ConfigValue.Invalid

    static var sections: [String] { ["Budget", "Controller", "Ternary", "Routing", "State", "Simulation"] }

    static func key(section: String, name: String) -> ConfigurationKey? {
        keys.first { $0.section == section && $0.name == name }
    }

    static var keys: [ConfigurationKey] {
        [
            ConfigurationKey("Budget", "TotalCredits", \.budget.totalCredits,
                             parse: positive, show: ConfigValue.format),
        ] + controllerKeys + ternaryKeys + routingKeys + [
            ConfigurationKey("State", "Directory", \.state.directory,
                             parse: ConfigValue.absolutePath, show: { $0 }),
            ConfigurationKey("Simulation", "Scenario", \.simulation.scenario,
                             parse: { text throws(Invalid) in try ConfigValue.readableFile(text) }, show: optional),
            ConfigurationKey("Simulation", "Speed", \.simulation.speed,
                             parse: positive, show: ConfigValue.format),
        ]
    }

    private static var controllerKeys: [ConfigurationKey] {
        let percent = { (text: String) throws(Invalid) -> Double in
            try ConfigValue.number(text, in: 0...100, "expected a number of percentage points from 0 to 100")
        }
        return [
            ConfigurationKey("Controller", "Mode", \.controller.mode,
                             parse: { text throws(Invalid) in try ConfigValue.choice(text, of: Configuration.ControllerMode.self) },
                             show: \.rawValue),
            ConfigurationKey("Controller", "UpdateIntervalSec", \.controller.updateInterval,
                             parse: atLeastOneSecond, show: TimeSpan.format),
            ConfigurationKey("Controller", "LookbackDays", \.controller.lookbackDays,
                             parse: { text throws(Invalid) in try ConfigValue.integer(text, in: 1...31) }, show: { String($0) }),
            ConfigurationKey("Controller", "Kp", \.controller.kp, parse: gain, show: ConfigValue.format),
            ConfigurationKey("Controller", "Ki", \.controller.ki, parse: gain, show: ConfigValue.format),
            ConfigurationKey("Controller", "Kd", \.controller.kd, parse: gain, show: ConfigValue.format),
            ConfigurationKey("Controller", "MaxStepPercent", \.controller.maxStepPercent,
                             parse: percent, show: ConfigValue.format),
            ConfigurationKey("Controller", "DeadbandPercent", \.controller.deadbandPercent,
                             parse: percent, show: ConfigValue.format),
            ConfigurationKey("Controller", "StaleAfterSec", \.controller.staleAfter,
                             parse: ConfigValue.timeSpan, show: TimeSpan.format),
        ]
    }

    private static var ternaryKeys: [ConfigurationKey] {
        [
            ConfigurationKey("Ternary", "URL", \.ternary.url, parse: ConfigValue.url, show: \.absoluteString),
            ConfigurationKey("Ternary", "TenantID", \.ternary.tenantID,
                             parse: { text throws(Invalid) in try ConfigValue.word(text) }, show: optional),
            ConfigurationKey("Ternary", "ProjectID", \.ternary.projectID,
                             parse: { text throws(Invalid) in try ConfigValue.word(text) }, show: optional),
            ConfigurationKey("Ternary", "TimeoutSec", \.ternary.timeout, parse: ConfigValue.timeSpan, show: TimeSpan.format),
            ConfigurationKey("Ternary", "CAFile", \.ternary.caFile,
                             parse: { text throws(Invalid) in try ConfigValue.readableFile(text) }, show: optional),
        ]
    }

    private static var routingKeys: [ConfigurationKey] {
        [
            ConfigurationKey("Routing", "Sink", \.routing.sink,
                             parse: { text throws(Invalid) in try ConfigValue.choice(text, of: Configuration.RoutingSink.self) },
                             show: \.rawValue),
            ConfigurationKey("Routing", "DryRun", \.routing.dryRun, parse: ConfigValue.bool, show: { $0 ? "yes" : "no" }),
            ConfigurationKey("Routing", "GitHubURL", \.routing.gitHubURL, parse: ConfigValue.url, show: \.absoluteString),
            ConfigurationKey("Routing", "Repository", \.routing.repository, parse: ConfigValue.repository, show: { $0 }),
            ConfigurationKey("Routing", "Issue", \.routing.issue,
                             parse: { text throws(Invalid) in try ConfigValue.integer(text, in: 1...Int(Int32.max)) },
                             show: { String($0) }),
            ConfigurationKey("Routing", "CommentID", \.routing.commentID,
                             parse: { text throws(Invalid) in try ConfigValue.integer(text, in: 1...Int.max) },
                             show: { $0.map { String($0) } ?? "" }),
            ConfigurationKey("Routing", "File", \.routing.file,
                             parse: { text throws(Invalid) in try ConfigValue.absolutePath(text) }, show: optional),
            ConfigurationKey("Routing", "TimeoutSec", \.routing.timeout, parse: ConfigValue.timeSpan, show: TimeSpan.format),
            ConfigurationKey("Routing", "CAFile", \.routing.caFile,
                             parse: { text throws(Invalid) in try ConfigValue.readableFile(text) }, show: optional),
        ]
    }

    private static func positive(_ text: String) throws(Invalid) -> Double {
        try ConfigValue.number(text, in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude,
                               "expected a number greater than 0")
    }

    private static func gain(_ text: String) throws(Invalid) -> Double {
        try ConfigValue.number(text, in: 0...Double.greatestFiniteMagnitude, "expected a number of at least 0")
    }

    /// The loop's timer and the controller both assume cycles at least a second apart.
    private static func atLeastOneSecond(_ text: String) throws(Invalid) -> TimeInterval {
        let seconds = try ConfigValue.timeSpan(text)
        guard seconds >= 1 else { throw Invalid("expected a time span of at least 1s") }
        return seconds
    }

    private static func optional(_ value: String?) -> String {
        value ?? ""
    }
}
