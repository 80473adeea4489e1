import Foundation

/// The one writer of an index folder at a time: an advisory `flock` on `.radsok.lock` in it.
///
/// Two `radsok index` runs (or a search that refreshes the index while another builds it) would
/// otherwise both write, and the slower one would rename an index over the newer one. The kernel
/// drops the lock when its process dies, even by SIGKILL, so a killed build never leaves the folder
/// locked; and whoever holds the lock knows that every temporary file in the folder is an orphan.
public struct IndexLock: ~Copyable {
    public static let fileName = ".radsok.lock"
    private let fd: Int32

    /// Takes the lock, waiting for another holder up to `timeout` seconds.
    /// - Parameter waiting: told once, with a sentence for the user, when another build holds it.
    public init(folder: String, timeout: Double = 600, waiting: ((String) -> Void)? = nil) throws(IndexError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the index folder: \(error.localizedDescription)")
        }
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("cannot lock the index folder: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let why = String(cString: strerror(errno))
                close(fd)
                throw .io("cannot lock the index folder: \(why)")
            }
            waiting?("another radsok is building this index; waiting for it to finish")
            let deadline = Deadline(seconds: timeout)
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard !deadline.isPast else {
                    close(fd)
                    throw .io("gave up after \(Int(timeout)) s waiting for another radsok to finish building this index")
                }
                usleep(50_000)
            }
        }
        self.fd = fd
    }

    /// Gives the lock up now (it is also given up when the value goes away).
    public consuming func release() {}

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
