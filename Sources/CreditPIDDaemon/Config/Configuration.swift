import FoundationEssentials

/// The daemon's whole configuration, as read from credit-pid.conf, its drop-ins and the
/// credentials. The loader builds a complete value or none (a reload swaps one whole value
/// for another); the defaults here are the ones config/credit-pid.conf documents.
public struct Configuration: Sendable, Equatable {
    public var budget = Budget()
    public var controller = Controller()
    public var ternary = Ternary()
    public var routing = Routing()
    public var state = State()
    public var simulation = Simulation()
    public var credentials = Credentials()
    /// The files the value was read from, in the order they were applied (later wins).
    public var sources: [String] = []

    public init() {}

    /// [Budget]
    public struct Budget: Sendable, Equatable {
        /// The credits of one budget period, in USD.
        public var totalCredits: Double = 500_000
        public init() {}
    }

    /// [Controller]
    public struct Controller: Sendable, Equatable {
        public var mode: ControllerMode = .pacing
        /// Seconds between two control cycles.
        public var updateInterval: TimeInterval = 3600
        public var lookbackDays: Int = 1
        /// The gains of the original controller, used by `Mode=seed`.
        public var kp: Double = 2.0
        public var ki: Double = 0.15
        public var kd: Double = 0.5
        /// The largest change of the share in one cycle, in percentage points.
        public var maxStepPercent: Double = 20
        /// Changes smaller than this, in percentage points, are not written.
        public var deadbandPercent: Double = 2
        /// Seconds after which spend data that has not advanced counts as stale.
        public var staleAfter: TimeInterval = 21_600
        public init() {}
    }

    /// How the share is computed: the pacing controller, or the original PID controller.
    public enum ControllerMode: String, Sendable, Equatable, CaseIterable {
        case pacing
        case seed
    }

    /// [Ternary]
    public struct Ternary: Sendable, Equatable {
        public var url = URL(string: "https://api.ternary.app")!
        /// Required unless [Simulation] Scenario is set.
        public var tenantID: String?
        /// Required unless [Simulation] Scenario is set.
        public var projectID: String?
        /// Seconds one request may take, connection included.
        public var timeout: TimeInterval = 20
        /// A CA bundle to trust instead of the system's.
        public var caFile: String?
        public init() {}
    }

    /// [Routing]
    public struct Routing: Sendable, Equatable {
        public var sink: RoutingSink = .github
        /// Yes: compute and log the share, write nothing.
        public var dryRun = true
        public var gitHubURL = URL(string: "https://api.github.com")!
        /// `owner/name` of the repository holding the settings issue.
        public var repository = "pytorch/test-infra"
        public var issue = 5132
        /// The comment to edit; when absent, the client finds it in the issue.
        public var commentID: Int?
        /// The file to write when `Sink=file`.
        public var file: String?
        public var timeout: TimeInterval = 20
        public var caFile: String?
        public init() {}
    }

    /// Where a decided share goes.
    public enum RoutingSink: String, Sendable, Equatable, CaseIterable {
        case github
        case file
        case none
    }

    /// [State]
    public struct State: Sendable, Equatable {
        /// `$STATE_DIRECTORY` (its first entry) when systemd sets it.
        public var directory = "/var/lib/credit-pid"
        public init() {}
    }

    /// [Simulation]
    public struct Simulation: Sendable, Equatable {
        /// A `credit-pid-scenario/1` file; when set, spend comes from its simulated plant.
        public var scenario: String?
        /// Simulated seconds per real second.
        public var speed: Double = 1
        public init() {}
    }
}
