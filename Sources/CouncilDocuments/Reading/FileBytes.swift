#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file's bytes without ever blocking on something that is not a file.
///
/// The file is opened non-blocking and checked with `fstat` on the open descriptor before a byte
/// is read: a FIFO put where a document was listed would block a plain open or read forever, and
/// a device could be endless. Checking the descriptor, not the path, leaves no gap in which the
/// path could be swapped.
enum FileBytes {
    static func read(path: String, id: String, limit: Int) throws(DocumentReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(path: id, reason: errorText(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: id, reason: errorText(errno)) }
        if let kind = FileKind(mode: info.st_mode), kind != .regular { throw .notAFile(path: id, kind: kind.description) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(path: id, bytes: size) }
        // Read to the end, not just `size` bytes: the file may have grown since it was listed.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { throw .tooLarge(path: id, bytes: bytes.count) }
                bytes += [UInt8](repeating: 0, count: max(4096, bytes.count / 2))
            }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: id, reason: errorText(errno))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// `read(2)`, named apart from `FileBytes.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
