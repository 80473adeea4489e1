/// The retrieval unit: a run of lines of one document with what the council structure says
/// about it.
public struct Section: Sendable, Hashable, Codable {
    /// 1-based, inclusive.
    public var firstLine: Int
    public var lastLine: Int
    /// Byte range of the section in the UTF-8 form of the document text, so its text can be read
    /// back from the corpus instead of being copied into the index.
    public var byteRange: Range<Int>
    public var kind: SectionKind
    public var caseID: CaseID?
    public var title: String?
    /// The title as the document writes it, when `title` is its repaired spelling (an
    /// OCR-damaged document); nil when they are the same.
    public var titleAsWritten: String?
    /// `M/YYYY`.
    public var meeting: String?
    /// ISO `YYYY-MM-DD`.
    public var date: String?
    /// True for the second and later parts of a case too long for one section: they share the
    /// case's title but do not start with it.
    public var isContinuation = false
    /// The year the section belongs to: of its meeting date, else of its case, else of its
    /// document (a year in the file name, as in `årsrapport-2025`).
    public var year: Int?
    /// Other cases the section cites ("Tidligere behandlet 5/1/2023, 19/2/2023").
    public var references: [CaseID] = []

    public init(firstLine: Int, lastLine: Int, byteRange: Range<Int>, kind: SectionKind,
                caseID: CaseID? = nil, title: String? = nil, meeting: String? = nil, date: String? = nil) {
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.byteRange = byteRange
        self.kind = kind
        self.caseID = caseID
        self.title = title
        self.meeting = meeting
        self.date = date
    }

    public var lineCount: Int { lastLine - firstLine + 1 }
}
