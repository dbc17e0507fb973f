import CreditPIDSystemd
import Foundation
import Glibc

/// A logger whose stderr is a pipe the test reads back: what a person would see in the
/// journal's text. The read end is non-blocking so reading never waits for more.
final class LogCapture {
    private let readEnd: Int32
    private let writeEnd: Int32
    let logger: Logger

    init() {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        logger = Logger(sink: .journalStream, minimumLevel: .debug, descriptor: writeEnd)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    private var collected = ""

    /// Every line logged so far.
    var lines: [String] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while case let count = read(readEnd, &buffer, buffer.count), count > 0 {
            collected += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return collected.split(separator: "\n").map(String.init)
    }
}
