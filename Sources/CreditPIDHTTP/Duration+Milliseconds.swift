extension Duration {
    /// Whole milliseconds, the part below a millisecond dropped: libcurl's timeouts, the
    /// backoff arithmetic and the delays in messages all count in milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
