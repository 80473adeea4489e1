/// Why a file could not be read as a document.
public enum DocumentReadError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case empty(path: String)
    case tooLarge(path: String, bytes: Int)
    case unsupportedType(path: String)
    /// A FIFO, socket or device where a file was listed: never opened for reading, since reading
    /// a FIFO without a writer blocks forever.
    case notAFile(path: String, kind: String)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .binary(let path), .empty(let path), .tooLarge(let path, _),
             .unsupportedType(let path), .notAFile(let path, _): path
        }
    }

    /// Why, in a few words, for a list of skipped files ("a.bin (binary)").
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .binary: "binary"
        case .empty: "empty"
        case .tooLarge(_, let bytes): "too large: \(bytes) bytes"
        case .unsupportedType: SkippedPath.otherType
        case .notAFile(_, let kind): "\(kind), not a regular file"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .binary(let path): "\(path) looks like a binary file, not text; skipped"
        case .empty(let path): "\(path) is empty; skipped"
        case .tooLarge(let path, let bytes): "\(path) is too large (\(bytes) bytes); skipped"
        case .unsupportedType(let path): "\(path) is not a .txt, .md or .html file; skipped"
        case .notAFile(let path, let kind): "\(path) is a \(kind), not a regular file; skipped"
        }
    }
}
