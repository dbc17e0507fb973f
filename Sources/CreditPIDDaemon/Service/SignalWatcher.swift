#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Turns SIGHUP, SIGTERM and SIGINT into calls on a queue.
///
/// What libdispatch on Linux needs, as measured: a signal that arrives before the source is
/// armed must not kill the daemon, so a signal still at SIG_DFL is set to SIG_IGN first; one
/// that already has a handler keeps it, because libdispatch installs its own handler once per
/// signal and process, and overwriting it (say, with SIG_IGN again for a second watcher) makes
/// later signals vanish. The calling thread (the main thread, in `serve`) also blocks the
/// three signals, so the kernel holds one that comes early instead of discarding it.
/// Nothing is restored on `cancel`: the daemon exits right after.
final class SignalWatcher: @unchecked Sendable {
    // Set in init, then only cancelled (thread-safe).
    private var sources: [any DispatchSourceSignal] = []

    init(queue: DispatchQueue, handler: @escaping @Sendable (Int32) -> Void) {
        let watched = [SIGHUP, SIGTERM, SIGINT]
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in watched { sigaddset(&blocked, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        for signalNumber in watched {
            var current = sigaction()
            sigaction(signalNumber, nil, &current)
            if current.__sigaction_handler.sa_handler == nil { signal(signalNumber, SIG_IGN) }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { handler(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
