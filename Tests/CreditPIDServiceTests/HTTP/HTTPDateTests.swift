@testable import CreditPIDHTTP
import Foundation
import Testing

@Suite("HTTP dates, Retry-After and URL redaction")
struct HTTPDateTests {
    private let expected = Date(timeIntervalSince1970: 784_111_777)   // 1994-11-06T08:49:37Z

    @Test("the three HTTP date forms parse to the same instant",
          arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func dateForms(text: String) {
        #expect(HTTPDate.parse(text) == expected)
    }

    @Test("malformed dates are rejected",
          arguments: ["", "Sun, 06 Nov 1994", "Sun, 31 Feb 2026 00:00:00 GMT", "Sun, 06 Nov 1994 25:00:00 GMT",
                      "Sun, 06 Foo 1994 08:49:37 GMT", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT extra"])
    func badDates(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test("leap days and the epoch count right")
    func civilDays() {
        #expect(HTTPDate.parse("Thu, 01 Jan 1970 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
        #expect(HTTPDate.parse("Wed, 01 Mar 2000 00:00:00 GMT") == Date(timeIntervalSince1970: 11_017 * 86_400))
        #expect(HTTPDate.parse("Tue, 29 Feb 2028 12:00:00 GMT") == Date(timeIntervalSince1970: 1_835_438_400))
    }

    @Test("Retry-After in seconds, as a date, in the past, and unreadable")
    func retryAfterValues() {
        let now = Date(timeIntervalSince1970: 784_111_770)
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", now: now) == .zero)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .seconds(7))
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("-5", now: now) == nil)
        #expect(RetryAfter.delay("soon", now: now) == nil)
        #expect(RetryAfter.delay("1.5", now: now) == nil)
    }

    @Test("redaction drops the query, the fragment and user information")
    func redaction() {
        #expect(CheckedURL.redact("https://api.ternary.app/analytics/query/load?tenant_id=t")
            == "https://api.ternary.app/analytics/query/load?…")
        #expect(CheckedURL.redact("https://u:p@host:8443/x#frag") == "https://host:8443/x")
        #expect(CheckedURL.redact("garbage?secret") == "garbage?…")
        #expect(CheckedURL.redact("https://host/a@b") == "https://host/a@b")
    }
}
