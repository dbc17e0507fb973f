@testable import CreditPIDSystemd
import Foundation
import Glibc
import Testing

/// Logs through a real pipe and reads back what a reader of stderr would see.
@Suite struct LoggerTests {
    private func output(sink: LogSink, level: LogLevel = .info, _ body: (Logger) -> Void) throws -> String {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        body(Logger(sink: sink, minimumLevel: level, descriptor: ends[1]))
        close(ends[1])
        defer { close(ends[0]) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(ends[0], &buffer, buffer.count), count > 0 { bytes += buffer[..<count] }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func consoleLinesNameTheLevel() throws {
        let text = try output(sink: .console) { logger in
            logger.warning("a warning", fields: ["CREDIT_PID_SHARE": "42"])
            logger.error("an error")
            logger.debug("not shown at info")
        }
        #expect(text == "warning: a warning\nerror: an error\n")
    }

    @Test func debugShownWhenAsked() throws {
        #expect(try output(sink: .console, level: .debug) { $0.debug("details") } == "debug: details\n")
    }

    @Test func streamLinesCarryPriorityAndStayOneLine() throws {
        let text = try output(sink: .journalStream) { logger in
            logger.notice("first\nsecond\\third")
            logger.info("plain")
        }
        #expect(text == "<5>first\\nsecond\\\\third\n<6>plain\n")
    }

    @Test func streamLinesEscapeBothHalvesOfACRLF() throws {
        let text = try output(sink: .journalStream) { logger in
            logger.warning("a\r\nb")
            logger.info("c\rd")
        }
        #expect(text == "<4>a\\r\\nb\n<6>c\\rd\n")
    }

    @Test func levelFromEnvironment() {
        #expect(Logger.standard(environment: ["CREDIT_PID_LOG_LEVEL": "DEBUG"]).minimumLevel == .debug)
        #expect(Logger.standard(environment: ["CREDIT_PID_LOG_LEVEL": "loud"]).minimumLevel == .info)
        #expect(Logger.standard(environment: [:]).sink == .console)
    }

    @Test func journalStreamIsRecognisedByDeviceAndInode() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        var status = stat()
        try #require(fstat(ends[1], &status) == 0)
        let stream = "\(status.st_dev):\(status.st_ino)"
        let missingSocket = "/nonexistent/journal/socket"
        #expect(LogSink.detect(environment: ["JOURNAL_STREAM": stream], errorDescriptor: ends[1],
                               journalSocket: missingSocket) == .journalStream)
        #expect(LogSink.detect(environment: ["JOURNAL_STREAM": stream], errorDescriptor: ends[1],
                               journalSocket: "/") == .journal)
        #expect(LogSink.detect(environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino + 1)"],
                               errorDescriptor: ends[1], journalSocket: "/") == .console)
        #expect(LogSink.detect(environment: ["JOURNAL_STREAM": "garbage"], errorDescriptor: ends[1]) == .console)
    }

    @Test func callerLocationIsTheSwiftCaller() {
        let entry = JournalEntry(level: .info, message: "m", identifier: "credit-pid", id: nil, extra: [:],
                                 file: #fileID, line: #line, function: #function, maximumValueBytes: 100)
        #expect(entry.value(of: "CODE_FILE") == "CreditPIDServiceTests/LoggerTests.swift")
        #expect(entry.value(of: "CODE_FUNC") == "callerLocationIsTheSwiftCaller()")
    }
}
