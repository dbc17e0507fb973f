import CCurl

/// Collects one transfer's header lines and body within a byte limit. libcurl calls the
/// two callbacks below with a pointer to the sink; a callback that returns less than it
/// was given aborts the transfer, which is how an oversized response is stopped early.
final class TransferSink {
    let limit: Int
    private(set) var body: [UInt8] = []
    private(set) var headers: [(name: String, value: String)] = []
    private(set) var overflowed = false
    private var headerBytes = 0

    init(limit: Int) {
        self.limit = limit
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let bodyCallback: ccurl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
        return sink.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
    }

    static let headerCallback: ccurl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
        return sink.appendHeader(UnsafeRawBufferPointer(start: data, count: size * count))
    }

    private func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= limit else {
            overflowed = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// One header line per call, status lines included. A new status line starts a new
    /// header block (after a 100 Continue, say): only the last response's headers count.
    private func appendHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        headerBytes += bytes.count
        guard headerBytes <= limit else {
            overflowed = true
            return 0
        }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
        } else if line.first == " " || line.first == "\t", let last = headers.popLast() {
            headers.append((last.name, last.value + " " + Self.trimmed(line)))   // folded line
        } else if let colon = line.firstIndex(of: ":") {
            headers.append((line[..<colon].lowercased(), Self.trimmed(line[line.index(after: colon)...])))
        }
        return bytes.count
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
