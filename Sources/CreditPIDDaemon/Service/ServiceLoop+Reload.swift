/// Reload on SIGHUP: all or nothing. A new configuration is loaded whole, offered to the
/// runner, and only then put in force; anything less keeps the old one and says so, in the
/// journal and in STATUS=, while systemd sees the reload finish either way.
extension ServiceLoop {
    /// Cycle queue.
    func reload() {
        notify { try $0.reloading(status: "Reloading configuration") }
        let loaded: ConfigurationLoader.Loaded
        do {
            loaded = try loader.load()
        } catch {
            let more = error.diagnostics.count > 1 ? " (and \(error.diagnostics.count - 1) more)" : ""
            refuseReload(error.summary, briefly: (error.diagnostics.first?.description ?? "") + more)
            return
        }
        for warning in loaded.warnings {
            logger.warning("\(warning)", id: .configurationWarning)
        }
        do {
            try runner.reconfigure(loaded.configuration)
        } catch {
            refuseReload("\(error)", briefly: "\(error)")
            return
        }
        adopt(loaded.configuration)
    }

    /// The clock was chosen at start, so a changed [Simulation] Speed= takes effect only when
    /// the service restarts; the runner gets the new value all the same.
    private func adopt(_ new: Configuration) {
        let intervalChanged = new.controller.updateInterval != configuration.controller.updateInterval
        configuration = new
        if intervalChanged {
            // The next cycle comes one new interval from now, not at the old phase.
            schedule(after: clock.realInterval(for: new.controller.updateInterval))
        }
        logger.notice("Reloaded configuration from \(new.sources.joined(separator: ", "))", id: .reloaded,
                      fields: ["CREDIT_PID_UPDATE_INTERVAL_SEC": ConfigValue.format(new.controller.updateInterval)])
        notify { try $0.ready(status: "Configuration reloaded" + (lastStatus.map { "; \($0)" } ?? "")) }
    }

    /// The journal gets every reason; STATUS= only the first, as it is one short line.
    private func refuseReload(_ reason: String, briefly: String) {
        logger.error("Failed to reload configuration: \(reason), keeping previous configuration", id: .reloadRefused)
        notify { try $0.ready(status: "Reload failed, keeping previous configuration: \(briefly)") }
    }
}
