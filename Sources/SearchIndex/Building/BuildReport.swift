import CouncilDocuments

/// What a build did, for the user and for benchmarks.
public struct BuildReport: Sendable {
    public var files: Int
    public var sections: Int
    public var terms: Int
    public var corpusBytes: Int
    public var indexBytes: Int
    public var seconds: Double
    /// Every path of the corpus folder that was not indexed, in path order, with why: files
    /// that could not be read as text, links not followed, FIFOs, folders that cannot be opened.
    public var skipped: [SkippedPath]
    /// Things worth knowing that are not problems (a file read as Windows-1252 or UTF-16).
    public var notes: [String]
    /// What changed since the index this build replaced; nil when there was none.
    public var changes: Changes?
    /// The index was already what this build would make, so nothing was read or written
    /// (`UpToDateIndex`).
    public var upToDate = false

    /// Files added, changed and removed against the index replaced, and how many were taken
    /// from their segments instead of being read and analysed.
    public struct Changes: Sendable, Equatable {
        public var added = 0
        public var changed = 0
        public var removed = 0
        public var unchanged = 0
        public var reused = 0

        init(from previous: IndexMetadata, to files: [IndexedFile], reused: Int) {
            let before = Dictionary(previous.files.map { ($0.id, $0.contentHash) }, uniquingKeysWith: { a, _ in a })
            for file in files {
                switch before[file.id] {
                case nil: added += 1
                case file.contentHash: unchanged += 1
                default: changed += 1
                }
            }
            removed = Set(before.keys).subtracting(files.map(\.id)).count
            self.reused = reused
        }

        /// "3 files added, 1 changed, 0 removed".
        public var summary: String {
            Plural.count(added, "file") + " added, \(changed) changed, \(removed) removed"
        }
    }

    /// One line per skipped document; files that are not documents at all (other extensions)
    /// share one line, so a folder of PDFs beside the texts does not fill the screen.
    public var warnings: [String] {
        let otherTypes = skipped.filter(\.isOtherType)
        var lines = skipped.filter { !$0.isOtherType }.map { "skipped \($0.displayID): \($0.reason)" }
        if !otherTypes.isEmpty {
            let verb = otherTypes.count == 1 ? " that is " : " that are "
            lines.append("skipped " + Plural.count(otherTypes.count, "file") + verb + SkippedPath.otherType + ": "
                         + Self.list(otherTypes.map(\.displayID)))
        }
        return lines
    }

    /// "skipped 4 files: a.bin (binary), link.txt (symbolic link out of the corpus), …", or nil
    /// when nothing was skipped.
    public var skipSummary: String? {
        guard !skipped.isEmpty else { return nil }
        let noun = skipped.contains { $0.isFolder } ? "files and folders" : skipped.count == 1 ? "file" : "files"
        return "skipped \(skipped.count) \(noun): " + Self.list(skipped.map(\.description))
    }

    /// At most this many names in a line.
    static let listedNames = 30

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(listedNames).joined(separator: ", ")
        return names.count > listedNames ? shown + ", … and \(names.count - listedNames) more" : shown
    }
}
