#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One walk over a corpus folder without following symbolic links: regular files with a
/// document extension are listed, links are set aside for `CorpusLinks`, everything else is
/// reported. An explicit stack instead of recursion, so a deep tree costs no stack depth.
struct FolderWalk {
    /// The corpus folder as an absolute path without a trailing slash.
    let root: String
    private(set) var files: [CorpusFile] = []
    /// Symbolic links found: (id, path).
    private(set) var links: [(id: String, path: String)] = []
    private(set) var skipped: [SkippedPath] = []
    /// Device and inode of each listed file, so that a link to one is not read twice.
    private(set) var identities: [FileIdentity: String] = [:]

    init(root: String) {
        self.root = root
    }

    func path(of id: String) -> String { id.isEmpty ? root : (root == "/" ? "/" : root + "/") + id }

    /// False when the corpus folder itself cannot be listed.
    mutating func run() -> Bool {
        var folders = [""]
        while let folder = folders.popLast() {
            let names: [Entry]
            switch Self.names(in: path(of: folder)) {
            case .success(let found): names = found
            case .failure(let error):
                if folder.isEmpty { return false }
                skipped.append(SkippedPath(id: folder, reason: "cannot open folder: \(error.text)", isFolder: true))
                continue
            }
            for entry in names {
                let id = folder.isEmpty ? entry.name : folder + "/" + entry.name
                guard entry.isValidUTF8 else {
                    skipped.append(SkippedPath(id: id, reason: "name is not valid UTF-8"))
                    continue
                }
                visit(id, into: &folders)
            }
        }
        return true
    }

    private mutating func visit(_ id: String, into folders: inout [String]) {
        let path = path(of: id)
        let status: PathStatus
        switch PathStatus.of(path, followingLinks: false) {
        case .success(let s): status = s
        case .failure(let error):
            skipped.append(SkippedPath(id: id, reason: "cannot examine: \(error.text)"))
            return
        }
        switch status.kind {
        case .folder:
            folders.append(id)
        case .symbolicLink:
            links.append((id, path))
        case .regular:
            guard DocumentReader.isSupported(id) else {
                skipped.append(SkippedPath(id: id, reason: SkippedPath.otherType))
                return
            }
            files.append(CorpusFile(id: id, path: path, size: status.size, modified: status.modified))
            identities[status.identity] = id
        case let kind:
            skipped.append(SkippedPath(id: id, reason: "\(kind?.description ?? "unknown kind of file"), not a regular file"))
        }
    }

    struct Entry {
        let name: String
        let isValidUTF8: Bool
    }

    /// The names in a folder except `.`, `..` and hidden ones.
    static func names(in path: String) -> Result<[Entry], PathError> {
        guard let dir = opendir(path) else { return .failure(PathError(code: errno)) }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let first = bytes.first, first != UInt8(ascii: ".") else { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                entries.append(Entry(name: name, isValidUTF8: true))
            } else {
                entries.append(Entry(name: String(decoding: bytes, as: UTF8.self), isValidUTF8: false))
            }
        }
        return .success(entries)
    }
}

/// A file's device and inode: the same file under two names has one.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
}

extension PathStatus {
    var identity: FileIdentity { FileIdentity(device: device, inode: inode) }
}
