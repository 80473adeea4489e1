#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What becomes of the symbolic links of a corpus folder.
///
/// A link is resolved to its final target at once (`realpath`, which fails on a loop instead of
/// running round it) and followed only to a regular file inside the corpus folder that is not
/// already listed under its own name. Links out of the folder are not followed — a corpus must
/// not pull in `/etc/passwd` — and links to folders are not followed either: the files in a
/// folder inside the corpus are read where they are, and not following them means no link can
/// make a loop or read a file twice.
struct CorpusLinks {
    let root: String
    private let realRoot: Result<String, PathError>
    /// Listed files by identity; links to them add nothing.
    private var listed: [FileIdentity: String]
    private(set) var files: [CorpusFile] = []
    private(set) var skipped: [SkippedPath] = []

    init(root: String, listed: [FileIdentity: String]) {
        self.root = root
        self.realRoot = Self.realPath(root)
        self.listed = listed
    }

    mutating func resolve(_ link: (id: String, path: String)) {
        let target: String
        switch Self.realPath(link.path) {
        case .success(let path): target = path
        case .failure(let error):
            let reason = switch error.code {
            case ELOOP: "symbolic link loop"
            case ENOENT: "broken symbolic link: its target does not exist"
            default: "cannot follow symbolic link: \(error.text)"
            }
            skipped.append(SkippedPath(id: link.id, reason: reason))
            return
        }
        guard case .success(let realRoot) = realRoot, let targetID = Self.id(of: target, under: realRoot) else {
            skipped.append(SkippedPath(id: link.id, reason: "symbolic link out of the corpus (not followed)"))
            return
        }
        let status: PathStatus
        switch PathStatus.of(target, followingLinks: false) {
        case .success(let s): status = s
        case .failure(let error):
            skipped.append(SkippedPath(id: link.id, reason: "cannot follow symbolic link: \(error.text)"))
            return
        }
        switch status.kind {
        case .regular:
            if let known = listed[status.identity] {
                skipped.append(SkippedPath(id: link.id, reason: "symbolic link to \(known), which is read under its own name"))
            } else if !DocumentReader.isSupported(link.id) {
                skipped.append(SkippedPath(id: link.id, reason: SkippedPath.otherType))
            } else {
                files.append(CorpusFile(id: link.id, path: link.path, size: status.size, modified: status.modified))
                listed[status.identity] = link.id
            }
        case .folder:
            skipped.append(SkippedPath(id: link.id, reason: "symbolic link to the folder \(targetID.isEmpty ? "." : targetID) "
                                       + "(not followed; its files are read where they are)"))
        case let kind:
            skipped.append(SkippedPath(id: link.id, reason: "symbolic link to a \(kind?.description ?? "special file"), "
                                       + "not a regular file"))
        }
    }

    /// The id of an absolute real path under the real corpus root ("" for the root), or nil
    /// when it is outside. Compared as bytes: paths are bytes, not text to normalize.
    static func id(of path: String, under root: String) -> String? {
        if path.utf8.elementsEqual(root.utf8) { return "" }
        let prefix = Array((root == "/" ? "/" : root + "/").utf8)
        guard path.utf8.starts(with: prefix) else { return nil }
        return String(decoding: path.utf8.dropFirst(prefix.count), as: UTF8.self)
    }

    /// The absolute path with every link resolved; fails on a loop (ELOOP) or a missing target.
    static func realPath(_ path: String) -> Result<String, PathError> {
        guard let resolved = realpath(path, nil) else { return .failure(PathError(code: errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }
}
