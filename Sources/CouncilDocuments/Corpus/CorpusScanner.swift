import Foundation

public enum CorpusError: Error, CustomStringConvertible, Sendable {
    case missingFolder(String)
    case notAFolder(String)
    case noDocuments(String, skipped: Int)

    public var description: String {
        switch self {
        case .missingFolder(let p): "corpus folder \(p) does not exist"
        case .notAFolder(let p): "corpus path \(p) is not a folder"
        case .noDocuments(let p, let skipped):
            "corpus folder \(p) has no .txt, .md, .html or .pdf documents" + (skipped > 0 ? " (\(skipped) other paths skipped)" : "")
        }
    }
}

/// Lists the documents of a corpus folder (recursively, hidden files and folders left out), in
/// id order so that builds are deterministic, and says why every other path is left out.
///
/// The walk never follows a symbolic link while it walks, so a link cannot make it loop or
/// leave the folder. Links are looked at afterwards, one by one (`CorpusLinks`): one to a file
/// inside the corpus is read under its own name, anything else is reported and left alone.
/// FIFOs, sockets and devices are reported and never opened.
public enum CorpusScanner {
    public static func files(in folder: String) throws(CorpusError) -> [CorpusFile] {
        try scan(folder).files
    }

    public static func scan(_ folder: String) throws(CorpusError) -> CorpusListing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { throw .missingFolder(folder) }
        guard isDirectory.boolValue else { throw .notAFolder(folder) }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        var walk = FolderWalk(root: root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root)
        guard walk.run() else { throw .missingFolder(folder) }
        var links = CorpusLinks(root: walk.root, listed: walk.identities)
        for link in walk.links { links.resolve(link) }
        let (files, twins) = distinctNames(walk.files + links.files)
        let skipped = (walk.skipped + links.skipped + twins).sorted()
        guard !files.isEmpty else { throw .noDocuments(folder, skipped: skipped.count) }
        return CorpusListing(files: files, skipped: skipped)
    }

    /// Files in id order, and the files whose name equals an earlier one as Swift compares
    /// text (the same letters composed differently, "å" as one code point or two, as macOS
    /// writes names): an id must name one file, so the second is reported instead.
    static func distinctNames(_ files: [CorpusFile]) -> (files: [CorpusFile], twins: [SkippedPath]) {
        let sorted = files.sorted { $0.id != $1.id ? $0.id < $1.id : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var distinct: [CorpusFile] = []
        var twins: [SkippedPath] = []
        for file in sorted {
            if let last = distinct.last, last.id == file.id {
                twins.append(SkippedPath(id: file.id, reason: "same name as another file, written with other code points"))
            } else {
                distinct.append(file)
            }
        }
        return (distinct, twins)
    }
}
