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
    /// A PDF on a machine without the tool that reads it.
    case needsTool(path: String, tool: String, package: String)
    /// A PDF that the tool could not read (malformed, encrypted, over its time or memory limit).
    case extractionFailed(path: String, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .binary(let path), .empty(let path), .tooLarge(let path, _),
             .unsupportedType(let path), .notAFile(let path, _), .needsTool(let path, _, _),
             .extractionFailed(let path, _): path
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
        case .needsTool(_, let tool, let package): "needs \(tool): install \(package)"
        case .extractionFailed(_, let reason): reason
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .binary(let path): "\(path) looks like a binary file, not text; skipped"
        case .empty(let path): "\(path) is empty; skipped"
        case .tooLarge(let path, let bytes): "\(path) is too large (\(bytes) bytes); skipped"
        case .unsupportedType(let path): "\(path) is not a .txt, .md, .html or .pdf file; skipped"
        case .notAFile(let path, let kind): "\(path) is a \(kind), not a regular file; skipped"
        case .needsTool(let path, let tool, let package): "\(path) needs \(tool) to be read (install \(package)); skipped"
        case .extractionFailed(let path, let reason): "\(path) could not be read: \(reason); skipped"
        }
    }
}
