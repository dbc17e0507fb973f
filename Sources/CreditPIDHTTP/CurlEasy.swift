import CCurl

/// One libcurl easy handle, closed on deinit. Every setter goes through `check`, the one
/// place a CURLcode turns into a thrown error.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let url: String   // redacted, for errors

    init(url: String) throws(HTTPError) {
        guard CurlEasy.globalInit == CURLE_OK.rawValue, let handle = curl_easy_init() else {
            throw .transportFailed(url: url, code: Int(CURLE_FAILED_INIT.rawValue),
                                   detail: "libcurl failed to initialise")
        }
        self.handle = handle
        self.url = url
    }

    deinit { curl_easy_cleanup(handle) }

    /// curl_global_init is not thread-safe and must run once: a global is initialised
    /// exactly once, under a lock, on first use.
    private static let globalInit: UInt32 = ccurl_global_init().rawValue

    func set(_ option: CURLoption, _ value: Int) throws(HTTPError) {
        try check(ccurl_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(HTTPError) {
        // libcurl copies string options (all but POSTFIELDS, which is not used here).
        try check(value.withCString { ccurl_setopt_string(handle, option, $0) }, option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(HTTPError) {
        try check(ccurl_setopt_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, callback: ccurl_data_callback) throws(HTTPError) {
        try check(ccurl_setopt_callback(handle, option, callback), option)
    }

    /// For options that copy the bytes at once (COPYPOSTFIELDS); empty bytes pass "".
    func set(_ option: CURLoption, copying bytes: [UInt8]) throws(HTTPError) {
        let code = (bytes.isEmpty ? [0] : bytes).withUnsafeBytes {
            ccurl_setopt_pointer(handle, option, UnsafeMutableRawPointer(mutating: $0.baseAddress))
        }
        try check(code, option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(HTTPError) {
        try check(ccurl_setopt_offset(handle, option, curl_off_t(value)), option)
    }

    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return ccurl_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    func info(offset info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return ccurl_getinfo_offset(handle, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(HTTPError) {
        guard code != CURLE_OK else { return }
        throw .invalidRequest(
            url: url, reason: "libcurl refused option \(option.rawValue): "
                + String(cString: curl_easy_strerror(code)))
    }
}
