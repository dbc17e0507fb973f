import CreditPIDSystemd
import Testing

@Suite struct JournalEntryTests {
    private func entry(_ extra: [String: String] = [:], message: String = "hello", limit: Int = 4096) -> JournalEntry {
        JournalEntry(level: .warning, message: message, identifier: "credit-pid", id: .reloaded, extra: extra,
                     file: "CreditPIDDaemon/Service/ServiceLoop.swift", line: 42, function: "reload()",
                     maximumValueBytes: limit)
    }

    @Test func standardFieldsComeFirstThenExtrasByName() {
        let names = entry(["CREDIT_PID_SHARE": "42", "CREDIT_PID_BUDGET": "500000"]).fields.map(\.name)
        #expect(names == ["MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "MESSAGE_ID", "CODE_FILE", "CODE_LINE",
                          "CODE_FUNC", "CREDIT_PID_BUDGET", "CREDIT_PID_SHARE"])
        let fields = entry()
        #expect(fields.value(of: "PRIORITY") == "4")
        #expect(fields.value(of: "MESSAGE_ID") == "ab750e2377af40bca22ffccbe9402511")
        #expect(fields.value(of: "CODE_LINE") == "42")
        #expect(fields.value(of: "CODE_FUNC") == "reload()")
    }

    @Test(arguments: ["CREDIT_PID_SHARE", "X", "A1_2"])
    func validNames(_ name: String) {
        #expect(JournalEntry.isValidExtraName(name))
    }

    @Test(arguments: ["", "_PID", "lower", "CREDIT-PID", "1ABC", "MESSAGE", "PRIORITY", "CODE_FILE",
                      String(repeating: "A", count: 65), "ÄRGER"])
    func invalidNames(_ name: String) {
        #expect(!JournalEntry.isValidExtraName(name))
    }

    @Test func invalidNamesAreReportedNotSent() {
        let sent = entry(["_PID": "1", "ok": "2", "GOOD": "3"])
        #expect(sent.value(of: "_PID") == nil)
        #expect(sent.value(of: "GOOD") == "3")
        #expect(sent.value(of: "CREDIT_PID_INVALID_FIELD_NAMES") == "'_PID' 'ok'")
    }

    @Test func longValuesAreCutSayingHowMuch() {
        let body = String(repeating: "x", count: 10_000)
        let sent = entry(["CREDIT_PID_BODY": body], limit: 100)
        #expect(sent.value(of: "CREDIT_PID_BODY") == String(repeating: "x", count: 100) + " [… 9900 of 10000 bytes cut]")
    }

    @Test func cutsOnCharacterBoundaries() {
        // "é" is two bytes: a cut at 3 bytes keeps one "é" and never half of the next.
        #expect(JournalEntry.cut("ééé", to: 3) == "é [… 4 of 6 bytes cut]")
        #expect(JournalEntry.cut("short", to: 5) == "short")
    }

    @Test func messageIDsAreValidated() {
        #expect(MessageID("22510D0CCF5C469FBB2611E703B9B392")?.hex == "22510d0ccf5c469fbb2611e703b9b392")
        #expect(MessageID("22510d0c-cf5c-469f-bb26-11e703b9b392") == nil)
        #expect(MessageID("abc") == nil)
    }

    @Test func catalogueIDsAreDistinct() {
        let ids: [MessageID] = [.startup, .shutdown, .reloaded, .reloadRefused, .cycleDecision, .cycleFailed,
                                .stateRestored, .stateMovedAside, .configurationWarning, .error]
        #expect(Set(ids).count == ids.count)
    }
}
