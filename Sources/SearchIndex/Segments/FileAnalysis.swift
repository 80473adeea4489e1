import CouncilDocuments
import NorwegianText

/// Everything the build learns from one corpus file: its sections, its postings, and what it
/// adds to the corpus-wide tables (the OCR lexicon, acronyms, meeting dates).
///
/// It is what a segment stores, so that an update reads only the files that changed and takes
/// the rest from their segments. Every corpus-wide step (the lexicon, repairs of damaged files,
/// dating, compounds, fold keys) runs again over all analyses, so an updated index is the index
/// a full build of the same corpus makes.
struct FileAnalysis {
    /// How the file was read: a damaged file was indexed with OCR repair.
    enum Reading: UInt8 {
        case clean = 0, damaged = 1
    }

    var reading: Reading
    var encoding: TextEncoding
    var contentHash: UInt64
    var byteCount: Int
    /// The file's sections, with `fileIndex` 0: the merge gives each its place in the listing.
    var sections = PackedSections()
    /// Postings with section numbers counted from the file's first section.
    var postings = PostingsAccumulator.Encoded.empty
    /// The sections and postings were left in the file's segment (and are empty here): a build
    /// holds every file's analysis until the merge, and these are most of one (a gigabyte of
    /// sections alone at 5 GB of corpus), so it reads them back from the segment only when it
    /// puts the file in its place (`SegmentStore.sections(of:)`, `postings(of:)`).
    var leftInSegment = false
    /// How many sections were left in the segment.
    var sectionsLeft = 0

    var sectionCount: Int { leftInSegment ? sectionsLeft : sections.count }
    /// Dates the file gives meetings ("21.5.2025 (møte 2/2025)"), in text order.
    var meetingDates: [(meeting: String, date: String)] = []
    /// Clean files only: word counts for the OCR lexicon.
    var words: [String: Int] = [:]
    /// Clean files only: acronym definitions, with how often each was seen.
    var acronyms: [AcronymFinder.Definition: Int] = [:]
    /// Damaged files only: each word as written (analyzed without repair) → what it was indexed as.
    var repairs: [String: Set<String>] = [:]
    /// Damaged files only: every word the repair step weighed, with what it decided (nil: kept as
    /// written). The file's postings depend on the lexicon only through these decisions, so the
    /// segment stays valid as long as a new lexicon decides each of them alike.
    var decisions: [String: String?] = [:]
    /// Damaged files only: `LexiconDigest` of the lexicon the decisions were made with; when the
    /// build's lexicon has the same digest, the decisions need not be weighed again.
    var lexiconDigest: UInt64 = 0

    init(reading: Reading, document: SourceDocument) {
        self.init(reading: reading, encoding: document.encoding, contentHash: document.contentHash,
                  byteCount: document.byteCount)
    }

    init(reading: Reading, encoding: TextEncoding, contentHash: UInt64, byteCount: Int) {
        self.reading = reading
        self.encoding = encoding
        self.contentHash = contentHash
        self.byteCount = byteCount
    }
}
