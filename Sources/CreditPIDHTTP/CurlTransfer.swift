import CCurl

/// One attempt of one request over a fresh libcurl easy handle. Redirects are not
/// followed (a 3xx with a Location is an error), TLS is always verified, proxies from
/// the environment are ignored (this client has no proxy support).
struct CurlTransfer {
    let options: HTTPClientOptions
    let request: HTTPRequest
    let url: CheckedURL

    /// Sends the request, allowing at most `budget` of wall time when given.
    func perform(budget: Duration?) -> Result<HTTPResponse, HTTPError> {
        let sink = TransferSink(limit: options.maxResponseBytes)
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorText.deallocate() }
        do {
            let easy = try CurlEasy(url: url.redacted)
            let timeouts = timeouts(within: budget)
            let headerList = try configure(easy, sink: sink, errorText: errorText, timeouts: timeouts)
            defer { curl_slist_free_all(headerList) }
            let code = withExtendedLifetime(sink) { easy.perform() }
            guard code == CURLE_OK else {
                return .failure(failure(code, easy: easy, sink: sink, detail: errorText, timeouts: timeouts))
            }
            return response(status: easy.info(CURLINFO_RESPONSE_CODE), sink: sink)
        } catch {
            return .failure(error)
        }
    }

    /// Connect and total timeouts in ms, cut down to the remaining budget, never 0
    /// (which libcurl reads as "no timeout").
    private func timeouts(within budget: Duration?) -> (connect: Int, total: Int) {
        var total = options.totalTimeoutMilliseconds
        if let budget { total = min(total, Int(budget.milliseconds)) }
        total = max(total, 1)
        return (min(options.connectTimeoutMilliseconds, total), total)
    }

    private func configure(_ easy: CurlEasy, sink: TransferSink, errorText: UnsafeMutablePointer<CChar>,
                           timeouts: (connect: Int, total: Int)) throws(HTTPError)
        -> UnsafeMutablePointer<curl_slist>?
    {
        try easy.set(CURLOPT_URL, url.text)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_FOLLOWLOCATION, 0)
        try easy.set(CURLOPT_PROXY, "")
        try easy.set(CURLOPT_NOSIGNAL, 1)   // no SIGALRM for timeouts: other threads run
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect)
        try easy.set(CURLOPT_TIMEOUT_MS, timeouts.total)
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = options.caFile {
            // Replaces the bundle file only: the system's hashed CA folder still applies.
            try easy.set(CURLOPT_CAINFO, caFile)
        }
        try easy.set(CURLOPT_USERAGENT, options.userAgent)
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")   // the size limit counts decoded bytes
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(options.maxResponseBytes))
        try easy.set(CURLOPT_ERRORBUFFER, pointer: errorText)
        try easy.set(CURLOPT_WRITEFUNCTION, callback: TransferSink.bodyCallback)
        try easy.set(CURLOPT_WRITEDATA, pointer: sink.context)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: TransferSink.headerCallback)
        try easy.set(CURLOPT_HEADERDATA, pointer: sink.context)
        try setMethodAndBody(easy)
        return try setHeaders(easy)
    }

    private func setMethodAndBody(_ easy: CurlEasy) throws(HTTPError) {
        let method = request.method
        guard !method.isEmpty, method.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw .invalidRequest(url: url.redacted, reason: "the method '\(method)' is not an upper-case token")
        }
        switch method {
        case "GET" where request.body.isEmpty:
            try easy.set(CURLOPT_HTTPGET, 1)
        case "HEAD" where request.body.isEmpty:
            try easy.set(CURLOPT_NOBODY, 1)
        default:
            if method != "POST" { try easy.set(CURLOPT_CUSTOMREQUEST, method) }
            guard !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) else { return }
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(request.body.count))
            // COPYPOSTFIELDS copies the bytes now, so the array need not outlive this call.
            try easy.set(CURLOPT_COPYPOSTFIELDS, copying: request.body)
        }
    }

    /// The caller's headers, plus two that switch off libcurl defaults: a form
    /// Content-Type on bodies the caller did not type, and Expect: 100-continue.
    private func setHeaders(_ easy: CurlEasy) throws(HTTPError) -> UnsafeMutablePointer<curl_slist>? {
        var lines = [String]()
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte) else {
                throw .invalidRequest(url: url.redacted, reason: "the header name '\(name)' is not a token")
            }
            guard !value.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 0 }) else {
                // The value may be a credential: name the header, never the value.
                throw .invalidRequest(url: url.redacted, reason: "the value of header '\(name)' holds a line break")
            }
            lines.append("\(name): \(value)")
        }
        let given = Set(request.headers.keys.map { $0.lowercased() })
        if !given.contains("content-type") { lines.append("Content-Type:") }
        if !given.contains("expect") { lines.append("Expect:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let grown = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw .invalidRequest(url: url.redacted, reason: "out of memory for the header list")
            }
            list = grown
        }
        do {
            try easy.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(list))
        } catch {
            curl_slist_free_all(list)
            throw error
        }
        return list
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private func response(status: Int, sink: TransferSink) -> Result<HTTPResponse, HTTPError> {
        var headers = [String: String]()
        for (name, value) in sink.headers {
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        if (300...399).contains(status), status != 304, let location = headers["location"] {
            return .failure(.redirectRefused(url: url.redacted, status: status,
                                             location: CheckedURL.redact(location)))
        }
        return .success(HTTPResponse(status: status, headers: headers, body: sink.body))
    }

    private func failure(_ code: CURLcode, easy: CurlEasy, sink: TransferSink,
                         detail errorText: UnsafeMutablePointer<CChar>,
                         timeouts: (connect: Int, total: Int)) -> HTTPError
    {
        let detail = errorText.pointee != 0
            ? String(cString: errorText) : String(cString: curl_easy_strerror(code))
        let redacted = url.redacted
        switch code {
        case CURLE_WRITE_ERROR where sink.overflowed, CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(url: redacted, limit: options.maxResponseBytes)
        case CURLE_OPERATION_TIMEDOUT:
            let connected = easy.info(offset: CURLINFO_CONNECT_TIME_T) > 0
                && (url.scheme == "http" || easy.info(offset: CURLINFO_APPCONNECT_TIME_T) > 0)
            return connected
                ? .timedOut(url: redacted, phase: .response, milliseconds: timeouts.total)
                : .timedOut(url: redacted, phase: .connect, milliseconds: timeouts.connect)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST:
            return .connectFailed(url: redacted, detail: detail)
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionLost(url: redacted, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE:
            return .tlsFailed(url: redacted, detail: detail)
        default:
            return .transportFailed(url: redacted, code: Int(code.rawValue), detail: detail)
        }
    }
}
