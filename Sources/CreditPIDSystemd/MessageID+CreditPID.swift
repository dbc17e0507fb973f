/// Every kind of event credit-pid logs with an id, in one place. The ids never change: scripts
/// and alerts select on them (`journalctl -u credit-pid MESSAGE_ID=…`). A new kind of event
/// gets a new random id (`python3 -c 'import uuid; print(uuid.uuid4().hex)'`).
extension MessageID {
    /// The daemon started: configuration and state loaded, READY=1 sent.
    public static let startup = MessageID("22510d0ccf5c469fbb2611e703b9b392")!
    /// The daemon is stopping on SIGTERM or SIGINT.
    public static let shutdown = MessageID("998b2661aca04059bd4c3f45a6604e18")!
    /// A reload on SIGHUP put a new configuration in force.
    public static let reloaded = MessageID("ab750e2377af40bca22ffccbe9402511")!
    /// A reload was refused; the previous configuration stays in force.
    public static let reloadRefused = MessageID("6b1a3511bf294eb48ca4c43819a0227c")!
    /// A control cycle decided a share (the figures are in CREDIT_PID_* fields).
    public static let cycleDecision = MessageID("5df3fa65576d46b6af2bb2a8373e90c2")!
    /// A control cycle failed (no spend data, the sink refused the share, …).
    public static let cycleFailed = MessageID("50ebc74a0bdd446fa5491cdc9717d081")!
    /// A saved state was read back at start: the daemon continues where it stopped.
    public static let stateRestored = MessageID("7d90a1c16eef4bc2897a23c23390de5f")!
    /// A state file could not be used and was moved aside; the daemon started fresh.
    public static let stateMovedAside = MessageID("e9b106163a2f419c8707013dee8a1275")!
    /// The configuration has something the daemon ignores (an unknown section or key).
    public static let configurationWarning = MessageID("e3c0becca73942089daee830ca4291d0")!
    /// Any other failure the daemon survives or gives up on.
    public static let error = MessageID("52e31a2e07a84e858610eacd3548c4d6")!
}
