import CreditPIDHTTP
import CreditPIDTernary
import Foundation
import Testing

@Suite("Ternary client: the documented samples and the query it sends")
struct TernarySampleTests {
    private let start = TernaryFixtures.date("2026-12-01T00:00:00Z")
    private let end = TernaryFixtures.date("2026-12-03T14:00:00Z")

    private func spend(serving body: [UInt8], status: Int = 200) throws
        -> (Result<Double, any Error>, ScriptedHTTPServer)
    {
        let server = try ScriptedHTTPServer([.respond(status: status, body: body)])
        let client = try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port))
        return (Result { try client.spend(from: start, to: end) }, server)
    }

    @Test("samples with rows: the spend is the sum of |credits| over the rows", arguments: [
        ("empty.json", 0.0), ("one-row.json", 18_234.57), ("two-rows-same-project.json", 2_000.0),
    ])
    func countedSamples(name: String, expected: Double) throws {
        let (result, _) = try spend(serving: TernaryFixtures.bytes(name))
        #expect(abs(try result.get() - expected) < 1e-9)
    }

    @Test("a row without credits fails the query, never counts as zero")
    func missingCredits() throws {
        let (result, _) = try spend(serving: TernaryFixtures.bytes("missing-credits.json"))
        #expect(throws: TernaryError.self) { try result.get() }
        #expect(message(result).hasPrefix(
            "Failed to parse the Ternary spend reply (HTTP 200): row 1 has no 'credits'; body '{\"response\""))
    }

    @Test("the HTML error page fails with its status and an excerpt")
    func htmlErrorPage() throws {
        let (result, _) = try spend(serving: TernaryFixtures.bytes("not-json.html"), status: 502)
        #expect(message(result) == "Failed to query Ternary spend: HTTP 502, body '<html><head><title>502 Bad "
            + "Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'")
    }

    @Test("an HTML page with status 200 is not JSON: a failed query")
    func htmlWithSuccessStatus() throws {
        let (result, _) = try spend(serving: TernaryFixtures.bytes("not-json.html"))
        #expect(message(result).hasPrefix(
            "Failed to parse the Ternary spend reply (HTTP 200): the body is not JSON; body '<html>"))
    }

    @Test("the query is the documented POST: path, tenant, headers and body")
    func requestShape() throws {
        let (result, server) = try spend(serving: TernaryFixtures.bytes("empty.json"))
        _ = try result.get()
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/analytics/query/load?tenant_id=\(TernaryFixtures.tenant)")
        #expect(request.headers["authorization"] == "Bearer \(TernaryFixtures.key)")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["content-type"] == "application/json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? NSDictionary)
        let expected: NSDictionary = [
            "start_time": "2026-12-01T00:00:00.000Z", "end_time": "2026-12-03T14:00:00.000Z",
            "data_source": "Billing", "dimensions": ["projectId", "projectName"], "measures": ["credits"],
            "pre_agg_filters": [["operator": "equals", "schema_field_name": "projectId",
                                 "values": [TernaryFixtures.project]]],
        ]
        #expect(body == expected)
    }
}

/// The description of a result's error, or "" for a success.
func message(_ result: Result<Double, any Error>) -> String {
    if case let .failure(error) = result { return "\(error)" }
    return ""
}
