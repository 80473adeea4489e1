#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of thing a path names, from its `stat` mode: only regular files are ever opened.
public enum FileKind: Sendable, Equatable, CustomStringConvertible {
    case regular, folder, symbolicLink, fifo, socket, characterDevice, blockDevice

    public init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .regular: "file"
        case .folder: "folder"
        case .symbolicLink: "symbolic link"
        case .fifo: "FIFO"
        case .socket: "socket"
        case .characterDevice: "character device"
        case .blockDevice: "block device"
        }
    }
}

/// `stat` or `lstat` of a path, with the error text when it fails.
struct PathStatus {
    let kind: FileKind?
    let size: Int
    let modified: Double
    let device: UInt64
    let inode: UInt64

    static func of(_ path: String, followingLinks: Bool) -> Result<PathStatus, PathError> {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return .failure(PathError(code: errno)) }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return .success(PathStatus(
            kind: FileKind(mode: info.st_mode), size: Int(info.st_size),
            modified: foundationSeconds(time),
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }
}

/// Seconds since 1970 as Foundation's `contentModificationDate` gives them (by way of its 2001
/// reference date, which rounds differently in the last bits), so that listings agree with the
/// modification times that indexes built before hold.
private func foundationSeconds(_ time: timespec) -> Double {
    let referenceDate = 978_307_200.0
    return (Double(time.tv_sec) - referenceDate + Double(time.tv_nsec) / 1e9) + referenceDate
}

/// An `errno` with its text.
struct PathError: Error {
    let code: Int32
    var text: String { String(cString: strerror(code)) }
}
