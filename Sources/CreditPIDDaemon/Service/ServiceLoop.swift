#if canImport(Glibc)
import Glibc
#endif
import CreditPIDSystemd
import Dispatch
import FoundationEssentials
import Synchronization

/// The daemon's life under systemd: READY=1, a cycle at start and then every
/// UpdateIntervalSec, STATUS= after each, WATCHDOG=1 pings, reload on SIGHUP, and STOPPING=1
/// then a clean return on SIGTERM or SIGINT.
///
/// Cycles, reloads and watchdog pings all run on one serial queue: cycles cannot overlap, a
/// reload never races a cycle, and a hung cycle stops the pings so systemd restarts the
/// service. Signals arrive on a second queue, so a stop is handled even while a cycle hangs.
///
/// Create and run it from nonisolated code (see `Watchdog`).
public final class ServiceLoop: @unchecked Sendable {
    // Everything below marked "cycle queue" is touched only on `cycleQueue`.
    let cycleQueue = DispatchQueue(label: "credit-pid.cycle")
    private let controlQueue = DispatchQueue(label: "credit-pid.control")
    let loader: ConfigurationLoader
    let runner: any CycleRunner
    let logger: Logger
    let clock: any ServiceClock
    let notifier: Notifier
    private let stopGrace: Duration
    let timer: DispatchSourceTimer
    private let stopped = DispatchSemaphore(value: 0)
    private let stopping = Mutex(false)
    private let cycleCount = Mutex(0)

    /// The configuration in force (cycle queue).
    var configuration: Configuration
    /// The last cycle's STATUS= text (cycle queue).
    var lastStatus: String?

    /// `configuration` is the one already loaded by `loader` and given to `runner`; a reload
    /// asks `loader` again. A stop waits up to `stopGrace` for a cycle in flight, then
    /// abandons it (its state write is atomic, so abandoning it loses that cycle only).
    public init(
        configuration: Configuration, loader: ConfigurationLoader, runner: any CycleRunner,
        logger: Logger, clock: any ServiceClock, notifier: Notifier = Notifier(),
        stopGrace: Duration = .seconds(3)
    ) {
        self.configuration = configuration
        self.loader = loader
        self.runner = runner
        self.logger = logger
        self.clock = clock
        self.notifier = notifier
        self.stopGrace = stopGrace
        timer = DispatchSource.makeTimerSource(queue: cycleQueue)
        // Resumed at once, unscheduled (it never fires until `run` schedules it): releasing a
        // source that was never resumed traps, and `runOnce` never resumes it otherwise. An
        // empty handler until then: libdispatch complains about a source activated without one.
        timer.setEventHandler {}
        timer.resume()
    }

    /// How many cycles have run; any thread.
    public var cyclesRun: Int {
        cycleCount.withLock { $0 }
    }

    /// Runs until SIGTERM, SIGINT or `stop()`, and returns the exit status (0).
    public func run() -> Int32 {
        let signals = SignalWatcher(queue: controlQueue) { [self] signalNumber in
            if signalNumber == SIGHUP {
                cycleQueue.async { self.reload() }
            } else {
                stop(reason: signalNumber == SIGINT ? "SIGINT" : "SIGTERM")
            }
        }
        defer { signals.cancel() }
        let watchdog = startWatchdog()
        defer { watchdog?.cancel() }
        announceStart(watchdog: watchdog)
        timer.setEventHandler { [unowned self] in tick() }
        schedule(after: .zero)
        stopped.wait()
        return 0
    }

    /// One cycle, as `credit-pid once`: the same cycle and STATUS= as a tick of `run`.
    @discardableResult
    public func runOnce() -> CycleReport {
        cycleQueue.sync { tick() }
    }

    /// Stops `run` as SIGTERM does; safe from any thread, and more than once.
    public func stop() {
        stop(reason: "a request")
    }

    /// Stops as `stop()` does, logging `reason` ("Stopping: …").
    public func stop(because reason: String) {
        stop(reason: reason)
    }

    private func stop(reason: String) {
        let first = stopping.withLock { already in
            defer { already = true }
            return !already
        }
        guard first else { return }
        logger.notice("Stopping on \(reason)", id: .shutdown)
        notify { try $0.stopping(status: "Stopping") }
        timer.cancel()
        controlQueue.async { [self] in
            // The cycle queue runs this block only once a cycle in flight has returned.
            let drained = DispatchSemaphore(value: 0)
            cycleQueue.async { drained.signal() }
            if drained.wait(timeout: .now() + stopGrace.dispatchInterval) == .timedOut {
                logger.warning("A cycle still running after \(stopGrace), abandoning it", id: .shutdown)
            }
            stopped.signal()
        }
    }

    /// Cycle queue.
    @discardableResult
    private func tick() -> CycleReport {
        let report = runner.runCycle(at: clock.now())
        cycleCount.withLock { $0 += 1 }
        lastStatus = report.status
        notify { try $0.status(report.status) }
        return report
    }

    /// Cycle queue, or before `run` resumes the timer.
    func schedule(after delay: Duration) {
        let interval = clock.realInterval(for: configuration.controller.updateInterval)
        // Leeway lets the kernel batch wake-ups; a hundredth of the interval is invisible
        // at the controller's pace.
        timer.schedule(deadline: .now() + delay.dispatchInterval, repeating: interval.dispatchInterval,
                       leeway: (interval / 100).dispatchInterval)
    }

    private func startWatchdog() -> Watchdog? {
        do {
            guard let interval = try notifier.watchdogInterval() else { return nil }
            let watchdog = Watchdog(interval: interval, queue: cycleQueue, notifier: notifier)
            watchdog.start()
            return watchdog
        } catch {
            logger.warning("Failed to read the watchdog interval: \(error), running without pings", id: .error)
            return nil
        }
    }

    private func announceStart(watchdog: Watchdog?) {
        let controller = configuration.controller
        logger.info(
            "Started: \(controller.mode.rawValue) controller, a cycle every \(TimeSpan.format(controller.updateInterval)), "
                + "sink \(configuration.routing.sink.rawValue)\(configuration.routing.dryRun ? " (dry run)" : "")",
            id: .startup,
            fields: [
                "CREDIT_PID_MODE": controller.mode.rawValue,
                "CREDIT_PID_UPDATE_INTERVAL_SEC": ConfigValue.format(controller.updateInterval),
                "CREDIT_PID_WATCHDOG_USEC": watchdog.map { String($0.interval.microseconds) } ?? "0",
            ])
        notify { try $0.ready(status: "Started, running the first cycle") }
    }

    /// A notification that fails is logged and otherwise ignored: the daemon's work does not
    /// depend on systemd hearing about it, and systemd acts on what it misses (watchdog).
    func notify(_ send: (Notifier) throws -> Void) {
        do {
            try send(notifier)
        } catch {
            logger.warning("Failed to notify systemd: \(error), continuing", id: .error)
        }
    }
}

extension Duration {
    var microseconds: Int64 {
        components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
    }
}
