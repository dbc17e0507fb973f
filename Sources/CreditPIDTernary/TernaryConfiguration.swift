import CreditPIDHTTP

/// Where and how the spend is queried. A whole new value is built on reload (a rotated
/// key arrives that way), so the client itself is immutable.
public struct TernaryConfiguration: Sendable {
    public static let defaultBaseURL = "https://api.ternary.app"

    public var baseURL: String
    public var tenantID: String
    /// The AWS account whose credits are counted (`projectId` in Ternary's billing data).
    public var projectID: String
    /// Sent as `Authorization: Bearer KEY`; surrounding whitespace (the newline a
    /// credential file ends with) is ignored.
    public var apiKey: Secret
    /// One attempt, from connect to the last byte.
    public var timeoutMilliseconds: Int
    public var connectTimeoutMilliseconds: Int
    /// Extra CAs to trust besides the system's (a private CA, tests).
    public var caFile: String?
    public var retry: RetryPolicy
    /// The whole query with its retries, for `spend(from:to:)`, which has no deadline.
    public var budgetMilliseconds: Int

    public init(baseURL: String = TernaryConfiguration.defaultBaseURL, tenantID: String,
                projectID: String, apiKey: Secret, timeoutMilliseconds: Int = 20_000,
                connectTimeoutMilliseconds: Int = 5_000, caFile: String? = nil,
                retry: RetryPolicy = RetryPolicy(), budgetMilliseconds: Int = 60_000)
    {
        self.baseURL = baseURL
        self.tenantID = tenantID
        self.projectID = projectID
        self.apiKey = apiKey
        self.timeoutMilliseconds = timeoutMilliseconds
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.caFile = caFile
        self.retry = retry
        self.budgetMilliseconds = budgetMilliseconds
    }

    /// The query endpoint, or the reason the configuration cannot be used.
    func endpoint() throws(TernaryError) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard !base.contains("?"), !base.contains("#") else {
            throw .invalidConfiguration("the base URL '\(base)' has a query or fragment")
        }
        do {
            try HTTPClient.checkURL(base)
        } catch {
            throw .invalidConfiguration("\(error)")
        }
        guard !tenantID.isEmpty else { throw .invalidConfiguration("the tenant ID is empty") }
        guard !projectID.isEmpty else { throw .invalidConfiguration("the project ID is empty") }
        guard budgetMilliseconds > 0 else {
            throw .invalidConfiguration("the query budget is \(budgetMilliseconds) ms, expected a positive number")
        }
        return "\(base)/analytics/query/load?tenant_id=\(Self.percentEncoded(tenantID))"
    }

    /// The key as sent, checked: a key with a line break would forge headers.
    func bearerKey() throws(TernaryError) -> Secret {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        let key = Secret(String(apiKey.reveal().drop(while: isSpace).reversed().drop(while: isSpace).reversed()))
        guard !key.isEmpty else { throw .invalidConfiguration("the API key is empty") }
        guard key.isVisibleASCII else {
            throw .invalidConfiguration("the API key holds spaces, control or non-ASCII characters")
        }
        return key
    }

    private static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
