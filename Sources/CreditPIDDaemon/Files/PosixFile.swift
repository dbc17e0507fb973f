#if canImport(Glibc)
import Glibc
#endif

/// File operations on plain system calls, so that a failure carries errno's own words
/// ("Permission denied") and a write can be made durable, which `Data.write` cannot do.
public enum PosixFile {
    /// A failed system call on a path: "Failed to open '/x': Permission denied".
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var operation: String
        public var path: String
        public var errno: Int32

        /// errno's own words, "Permission denied".
        public var reason: String {
            String(cString: strerror(errno))
        }

        public var description: String {
            "Failed to \(operation) '\(path)': \(reason)"
        }
    }

    /// The whole file, or its first bytes once more than `limit` are in (the caller tells a
    /// file that is too large from the count).
    public static func read(_ path: String, stoppingAfter limit: Int = .max) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, name: path, stoppingAfter: limit)
    }

    /// An open descriptor to its end, or until more than `limit` bytes are in; `name` is
    /// what a failure calls it ("standard input").
    public static func read(descriptor: Int32, name: String, stoppingAfter limit: Int = .max) throws(Failure) -> [UInt8] {
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure(operation: "read", path: name, errno: errno) }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[..<count])
            if contents.count > limit { return contents }
        }
    }

    public static func readText(_ path: String) throws(Failure) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The names in a directory (no `.` or `..`), in byte order; empty when it does not exist.
    public static func names(in directory: String) throws(Failure) -> [String] {
        guard let stream = opendir(directory) else {
            if errno == ENOENT { return [] }
            throw Failure(operation: "open directory", path: directory, errno: errno)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Replaces `path` so that after a crash or power loss it holds either the old or the new
    /// contents, never a mix: a temporary file in the same directory, written and fsynced,
    /// renamed over `path`, then the directory fsynced so the rename itself is on disk.
    public static func writeDurably(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(Failure) {
        let directory = parentDirectory(of: path)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(operation: "create", path: temporary, errno: errno) }
        do throws(Failure) {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: temporary)
            // The mode given to open(2) is filtered by the umask: set it exactly.
            guard fchmod(descriptor, mode) == 0 else { throw Failure(operation: "chmod", path: temporary, errno: errno) }
            guard fsync(descriptor) == 0 else { throw Failure(operation: "fsync", path: temporary, errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = Failure(operation: "rename", path: temporary, errno: errno)
            unlink(temporary)
            throw failure
        }
        try syncDirectory(directory)
    }

    /// Moves `path` to `destination` and makes the move durable.
    public static func move(_ path: String, to destination: String) throws(Failure) {
        guard rename(path, destination) == 0 else { throw Failure(operation: "rename", path: path, errno: errno) }
        try syncDirectory(parentDirectory(of: destination))
    }

    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(operation: "write", path: path, errno: errno) }
            offset += written
        }
    }

    private static func syncDirectory(_ directory: String) throws(Failure) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(operation: "open directory", path: directory, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(operation: "fsync", path: directory, errno: errno) }
    }
}
