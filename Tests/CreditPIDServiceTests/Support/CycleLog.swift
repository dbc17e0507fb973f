import CreditPIDSystemd
import Foundation
import Glibc

/// A logger writing into a file that the test reads back: with `.console` the "warning: …"
/// lines a person running the daemon by hand sees, with `.journalStream` the "<4>…" lines
/// journald reads from a service's stderr. A file rather than a pipe, so that a test that
/// logs a lot can never block on a full pipe. Journal fields are kept by neither sink; the
/// end-to-end test (Tests/Integration/e2e.sh) reads those from a real journald.
final class CycleLog {
    let path: String
    let logger: Logger
    private let descriptor: Int32
    private var taken = 0

    init(path: String, sink: LogSink) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StandInError(message: "cannot open the log file '\(path)'") }
        self.path = path
        logger = Logger(sink: sink, minimumLevel: .debug, descriptor: descriptor)
    }

    deinit {
        close(descriptor)
    }

    /// Every line logged so far.
    var lines: [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// The lines logged since the previous call: one cycle's entries.
    func take() -> [String] {
        let all = lines
        defer { taken = all.count }
        return Array(all.dropFirst(taken))
    }
}

extension [String] {
    /// The first line that starts with `prefix` ("warning: Failed to read the spend: ").
    func first(startingWith prefix: String) -> String? {
        first { $0.hasPrefix(prefix) }
    }
}
