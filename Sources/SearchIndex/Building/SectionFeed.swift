import CouncilDocuments

/// The sections of the index being written, file after file in index order, read again from
/// each file's segment every time they are walked.
///
/// A build used to copy every file's sections into one table before writing it: 68 bytes a
/// section, a gigabyte at 5 GB of corpus, held beside the merge of the postings. The segments
/// already hold them, so a build holds only where each file's are; the walks (the build's count
/// of lengths and dates, the writer's two passes over the section table) decode one file at a
/// time. Files whose segment could not be written keep their sections here.
struct SectionFeed: Sendable {
    /// Where one file's sections are.
    enum Source: Sendable {
        case memory(PackedSections)
        case segment(SegmentStore, fileID: String, contentHash: UInt64)
    }

    /// Each file's sections and the index they are given (nil: they keep the one they have).
    private var files: [(source: Source, fileIndex: Int?)] = []
    /// The date of each meeting whose sections give none (`MeetingDating`), filled in on every walk.
    var meetingDates: [String: String] = [:]

    init() {}

    /// All of `sections` as one file (for tests and small tables).
    init(_ sections: PackedSections) {
        files = [(.memory(sections), nil)]
    }

    /// Appends a file's sections, to be given `fileIndex`.
    mutating func append(_ source: Source, fileIndex: Int) {
        files.append((source, fileIndex))
    }

    /// Calls `body` with each file's sections in turn, numbered with their file's index and dated.
    func forEach(_ body: (PackedSections) throws(IndexError) -> Void) throws(IndexError) {
        for (source, fileIndex) in files {
            var sections: PackedSections
            switch source {
            case .memory(let held): sections = held
            case .segment(let store, let fileID, let contentHash):
                sections = try store.sections(fileID: fileID, contentHash: contentHash)
            }
            if let fileIndex {
                var numbered = PackedSections()
                numbered.append(contentsOf: sections, fileIndex: fileIndex)
                sections = numbered
            }
            if !meetingDates.isEmpty { MeetingDating.fill(&sections, from: meetingDates) }
            try body(sections)
        }
    }

    /// Every section in one table: for tests and small corpora.
    func all() throws(IndexError) -> PackedSections {
        var all = PackedSections()
        try forEach { sections throws(IndexError) in all.append(contentsOf: sections, fileIndex: nil) }
        return all
    }
}
