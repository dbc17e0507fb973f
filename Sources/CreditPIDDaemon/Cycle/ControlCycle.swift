import CreditPIDCore
import CreditPIDHTTP
import CreditPIDSystemd
import FoundationEssentials

/// One control cycle, as the service loop runs it every UpdateIntervalSec and `credit-pid
/// once` runs it a single time: read the share in force, read the spend and decide, apply the
/// share, save the state, report. Helpers throw; this is where failures are logged, once,
/// saying what the daemon does instead.
public final class ControlCycle: CycleRunner {
    private var configuration: Configuration
    private let logger: Logger
    private let clock: any ServiceClock
    private var parts: CycleParts
    private var controller: ControllerChoice
    private var state: DaemonState
    private let store: StateStore<DaemonState>
    private let startedAt: Date

    /// Builds the cycle from a loaded configuration and the saved state (a state file that
    /// cannot be used is moved aside and logged, and the cycle starts fresh).
    public init(configuration: Configuration, logger: Logger, clock: any ServiceClock) throws {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        startedAt = clock.now()
        store = StateStore<DaemonState>(directory: configuration.state.directory)
        parts = try CycleParts.make(configuration, clock: clock, onRetry: Self.retryLogger(logger))
        let saved = Self.restore(store, logger: logger, now: startedAt)
        state = saved ?? DaemonState(mode: configuration.controller.mode.rawValue)
        controller = ControllerChoice(configuration: configuration, restoring: saved)
        if let saved, saved.mode != configuration.controller.mode.rawValue {
            logger.notice("Saved state is for Mode=\(saved.mode), starting Mode=\(configuration.controller.mode.rawValue) fresh",
                          id: .startup)
        }
    }

    /// Builds, and drops, what a cycle on `configuration` would use (the Ternary and GitHub
    /// clients, the scenario, the sink), without sending anything: what `check` runs, so that
    /// it refuses what `serve` would.
    public static func validate(_ configuration: Configuration) throws {
        _ = try CycleParts.make(configuration, clock: SystemClock(), onRetry: { _ in })
    }

    /// The simulated plant, when the configuration runs on a scenario (the demo).
    public var simulation: ScenarioSpendSource? { parts.simulation }

    /// The state as last saved.
    public var savedState: DaemonState { state }

    public func reconfigure(_ configuration: Configuration) throws {
        let parts = try CycleParts.make(configuration, clock: clock, onRetry: Self.retryLogger(logger))
        self.parts = parts
        self.configuration = configuration
        // The current state carries its mode: a new Mode= starts fresh.
        var current = state
        controller.save(into: &current)
        controller = ControllerChoice(configuration: configuration, restoring: current)
    }

    /// A cycle's I/O (reading the share, the spend queries, the write) ends within this, well
    /// inside the unit's WatchdogSec=3min: a Ternary or GitHub that stops answering ends the
    /// cycle as a failure to read or to apply, and only a cycle stuck in something else stops
    /// the watchdog pings and gets the service restarted.
    public static let timeBudget: Duration = .seconds(120)

    public func runCycle(at now: Date) -> CycleReport {
        let deadline = ContinuousClock.now + Self.timeBudget
        guard let inForce = readShareInForce(deadline: deadline) else {
            state.lastCycle = now
            save(now: now)
            return CycleReport(status: "share in force unknown: deciding nothing")
        }
        let spend = DeadlineSpendSource(source: parts.spend, deadline: deadline)
        let context = DecisionContext(now: now, shareInForce: inForce)
        state.lastCycle = now
        let decision: Decision
        do {
            decision = try controller.decide(context, spend: spend)
        } catch {
            return stale(now: now, share: inForce, error: error, deadline: deadline)
        }
        state.lastSpendRead = now
        state.lastProblem = nil

        let decided = controller.shareToWrite(decision, inForce: inForce, configuration: configuration)
        // A share that stays needs no write: the sink is not asked, and an outage there
        // then costs nothing.
        let outcome = decided == inForce ? RoutingOutcome(action: .unchanged)
                                         : apply(decided, decision: decision, now: now, deadline: deadline)
        let after = Self.shareInForce(after: outcome, decided: decided, before: inForce)
        controller.save(into: &state)
        state.lastDecision = decision
        state.decidedShare = decided
        state.applied = outcome?.action.rawValue ?? "failed"
        if state.share != after || state.shareSetAt == nil { state.shareSetAt = now }
        state.share = after
        save(now: now)
        let result = CycleResult(decision: decision, before: inForce, decided: decided, after: after,
                                 outcome: outcome, dryRun: configuration.routing.dryRun)
        logDecision(result)
        return CycleReport(status: CycleText.status(result, now: now))
    }

    /// What is in force once the sink has been asked: the decided share if it was written (or,
    /// with Sink=none, decided), else the one that was.
    private static func shareInForce(after outcome: RoutingOutcome?, decided: Double, before: Double) -> Double {
        switch outcome?.action {
        case .written?, .loggedOnly?, .unchanged?: return decided
        case .wouldWrite?, nil: return before
        }
    }

    // MARK: - Steps

    /// The share in force as the sink reads it back, else the last one known; nil when it
    /// cannot be read and none is known (a first start): a decision from an assumed 0% would
    /// be written as a drop of any size, past the step limit.
    private func readShareInForce(deadline: ContinuousClock.Instant) -> Double? {
        let known = state.share ?? parts.simulation?.scenario.initialPercentage
        do {
            return try parts.sink.shareInForce(deadline: deadline) ?? known ?? 0
        } catch {
            guard let known else {
                state.lastProblem = "\(error)"
                logger.warning("Failed to read the share in force from \(parts.sink.label): \(error); "
                               + "no share is known yet, deciding nothing this cycle", id: .cycleFailed)
                return nil
            }
            logger.warning("Failed to read the share in force from \(parts.sink.label): \(error); "
                           + "assuming the last known \(PlainNumber.format(known))%", id: .cycleFailed)
            return known
        }
    }

    /// The spend could not be read: keep the share, or lower it once data has been stale for
    /// StaleAfterSec (see `StalePolicy`).
    private func stale(now: Date, share: Double, error: any Error, deadline: ContinuousClock.Instant) -> CycleReport {
        let policy = StalePolicy(staleAfter: configuration.controller.staleAfter,
                                 stepPercent: configuration.controller.maxStepPercent)
        let since = state.lastSpendRead ?? startedAt
        let age = CycleText.duration(now.timeIntervalSince(since))
        var status = "data stale for \(age): keeping \(PlainNumber.format(share))%"
        switch policy.action(now: now, lastRead: state.lastSpendRead, startedAt: startedAt, share: share) {
        case .keep:
            logger.warning("Failed to read the spend: \(error); keeping the share at \(PlainNumber.format(share))%",
                           id: .cycleFailed, fields: ["CREDIT_PID_STALE": "1", "CREDIT_PID_SHARE": PlainNumber.format(share)])
        case .lower(let lower):
            logger.warning("Failed to read the spend: \(error); data stale for \(age), "
                           + "lowering the share to \(PlainNumber.format(lower))%",
                           id: .cycleFailed, fields: ["CREDIT_PID_STALE": "1", "CREDIT_PID_SHARE": PlainNumber.format(lower)])
            let placeholder = Decision(share: lower, previousShare: share, reason: "spend data stale for \(age)",
                                       figures: state.lastDecision?.figures ?? CycleText.emptyFigures(now, configuration))
            let outcome = apply(lower, decision: placeholder, now: now, deadline: deadline)
            let after = Self.shareInForce(after: outcome, decided: lower, before: share)
            if after != share {
                state.share = after
                state.shareSetAt = now
            }
            status = "data stale for \(age): lowered to \(PlainNumber.format(lower))%"
        }
        state.lastProblem = "\(error)"
        save(now: now)
        return CycleReport(status: status)
    }

    /// Applies the share through the sink; nil when the sink failed (logged here).
    private func apply(_ share: Double, decision: Decision, now: Date,
                       deadline: ContinuousClock.Instant) -> RoutingOutcome? {
        let dryRun = configuration.routing.dryRun
        do {
            let outcome = try parts.sink.apply(share, decision: decision, at: now, dryRun: dryRun, deadline: deadline)
            if outcome.action == .wouldWrite {
                logger.info("Dry run: would set the share to \(PlainNumber.format(share))% in \(parts.sink.label), writing nothing",
                            id: .cycleDecision, fields: ["CREDIT_PID_DRY_RUN": "1", "CREDIT_PID_WOULD_WRITE": outcome.text ?? ""])
            }
            if outcome.redoneOnNewerText {
                logger.notice("The settings comment changed while the share was being set; set it again in the newer text",
                              id: .cycleDecision)
            }
            return outcome
        } catch {
            logger.error("Failed to apply the share \(PlainNumber.format(share))% to \(parts.sink.label): \(error); "
                         + "the share in force stays as it is", id: .cycleFailed)
            state.lastProblem = "\(error)"
            return nil
        }
    }

    private func save(now: Date) {
        do {
            try store.save(state, now: now)
        } catch {
            logger.error("Failed to save the state to '\(store.path)': \(error); a restart will start fresh",
                         id: .error)
        }
    }

    private func logDecision(_ result: CycleResult) {
        let fields = CycleText.fields(result, mode: controller.mode.rawValue)
        logger.info(CycleText.decisionMessage(result), id: .cycleDecision, fields: fields)
        logger.debug("Controller figures: \(CycleText.innerFigures(result.decision))", id: .cycleDecision, fields: fields)
    }

    private static func restore(_ store: StateStore<DaemonState>, logger: Logger, now: Date) -> DaemonState? {
        do {
            switch try store.load(now: now) {
            case .fresh:
                return nil
            case .restored(let state):
                var summary = "Restored the state saved by the \(state.mode) controller"
                if let last = state.lastCycle { summary += " after its cycle at \(UTCTimestamp.format(last))" }
                if let share = state.share { summary += ", share \(PlainNumber.format(share))%" }
                logger.info(summary + " from '\(store.path)'", id: .stateRestored,
                            fields: ["CREDIT_PID_STATE_PATH": store.path])
                return state
            case .movedAside(let reason, let movedTo):
                logger.warning("State file '\(store.path)' is unusable (\(reason)); moved it to '\(movedTo)', starting fresh",
                               id: .stateMovedAside, fields: ["CREDIT_PID_STATE_MOVED_TO": movedTo])
                return nil
            }
        } catch {
            logger.error("Failed to move the unusable state file '\(store.path)' aside: \(error); starting fresh",
                         id: .stateMovedAside)
            return nil
        }
    }

    private static func retryLogger(_ logger: Logger) -> @Sendable (HTTPRetryEvent) -> Void {
        { event in logger.warning("\(event)", id: .cycleFailed) }
    }
}
