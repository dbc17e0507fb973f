import Dispatch

extension Duration {
    /// The same span for a Dispatch timer or wait, to the nanosecond (Dispatch's unit).
    public var dispatchInterval: DispatchTimeInterval {
        .nanoseconds(Int(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000))
    }
}
