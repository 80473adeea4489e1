import CouncilDocuments

/// The on-disk layout of `Index/radsok.idx` (version 14), little-endian throughout:
///
///     "RADSOKIX" · version u32 · block count u32
///     block table: (kind u32, offset u64, length u64, checksum u64) per block
///     header checksum u64 of every byte before it
///     blocks: metadata (`MetadataCodec`) · sections (`SectionTable`, bit-packed columns) ·
///            strings · terms · postings (`DocBlocks`, positions, `BlockBounds`, `PositionSkips`) ·
///            fold keys · compound parts · repairs · spellings · section groups (`SectionGroups`) ·
///            postings pages (`PostingsPages`: a checksum per 64 KiB of the postings)
///
/// One file, written to a temporary name and renamed into place, so a reader sees the old index
/// or the new one and never half of either. Every block carries its own checksum, so damage is
/// found in the block it hits; the postings are checksummed per page too, so a reader reads and
/// verifies only the postings a query needs (`IndexBytes`). Section
/// text is not stored: it is read back from the corpus files by byte range, guarded by each
/// file's content hash.
public enum IndexFormat {
    public static let version: UInt32 = 14
    public static let fileName = "radsok.idx"
    static let magic: [UInt8] = Array("RADSOKIX".utf8)
    static let termEntrySize = 20
    /// Magic, version and block count.
    static let headerPrefixSize = 16
    /// Kind, offset, length and checksum of one block.
    static let blockEntrySize = 28

    enum Block: UInt32, CaseIterable {
        case metadata = 1, sections, strings, terms, postings, foldKeys, compoundParts, repairs, spellings, sectionGroups, postingsPages
    }
}

/// What the index knows about one corpus file.
public struct IndexedFile: Codable, Sendable, Hashable {
    public let id: String
    public let size: Int
    public let modified: Double
    public let contentHash: UInt64
    public let encoding: TextEncoding
    /// Read as OCR-damaged and indexed with repair.
    public var damaged = false
}

/// A corpus file the build listed but did not index (binary, empty, unreadable): remembered so
/// that freshness compares the whole file list, and a skipped file does not force a rebuild on
/// every search.
public struct SkippedFile: Codable, Sendable, Hashable {
    public let id: String
    public let size: Int
    public let modified: Double
}

/// A meeting dated from elsewhere in the corpus, in the file whose sections took that date.
public struct CorpusDate: Codable, Sendable, Hashable, Comparable {
    public let meeting: String
    public let file: Int

    public static func < (a: CorpusDate, b: CorpusDate) -> Bool { (a.file, a.meeting) < (b.file, b.meeting) }
}

/// The index's self-description, stored as a small block (`MetadataCodec`).
public struct IndexMetadata: Sendable {
    public var formatVersion: UInt32
    /// Absolute path of the corpus folder the index was built from.
    public var corpusPath: String
    /// Seconds since 1970.
    public var builtAt: Double
    public var buildSeconds: Double
    public var files: [IndexedFile]
    /// The other files the corpus folder listed when the index was built.
    public var skipped: [SkippedFile] = []
    /// Meetings, each in one file, whose date came from another document of the corpus rather
    /// than the file itself ("21.5.2025 (møte 2/2025)" in an annual report).
    public var corpusDates: [CorpusDate] = []
    public var sectionCount: Int
    /// Sum of section lengths in word positions, for BM25's average length.
    public var totalLength: Int
    public var termCount: Int
    public var corpusBytes: Int
    /// Which analysis and sectioning produced the index (`IndexBuilder.fingerprint`): an index
    /// made by other rules is rebuilt rather than queried with mismatched terms.
    public var analysisFingerprint: String
    /// Acronyms defined in the corpus ("Kommunenes samarbeidsarena for forskning (KSF)"):
    /// acronym in small letters → the names it stands for, most often used first.
    public var acronyms: [String: [String]] = [:]
    /// The index terms of each of those names, in the same order: a query is matched against a
    /// name without analyzing the name again.
    public var acronymNameTerms: [String: [[String]]] = [:]
    /// What the build read besides the corpus (`IndexBuilder.outsideInputs`: the word list, the PDF
    /// programs): an update with the same corpus and the same of these would write the same index.
    /// Nil in an index made before it was kept, which an update therefore writes again.
    public var outsideInputs: String?
}

/// A section as stored: where it is, what it is, and its length for BM25.
public struct SectionRecord: Sendable, Hashable {
    public var fileIndex: Int
    public var section: Section
    /// Number of word positions.
    public var length: Int
}
