import CouncilDocuments
import Foundation

/// The index folder's `segments/`: one file per corpus file, named by a hash of the file's id
/// and content, holding its `FileAnalysis` (`SegmentCodec`).
///
/// Segments are written only by the holder of the folder's `IndexLock`, each to a temporary
/// name and renamed into place, so a segment is whole or absent. They are not flushed one by
/// one: a segment torn by a crash fails its checksum and the file is simply analysed again,
/// while the index file, which says what is live, is flushed before it replaces the old one.
struct SegmentStore: Sendable {
    static let folderName = "segments"
    static let fileExtension = "seg"
    let folder: String
    let fingerprint: String

    init(indexFolder: String, fingerprint: String) {
        folder = (indexFolder as NSString).appendingPathComponent(Self.folderName)
        self.fingerprint = fingerprint
    }

    /// The segment's file name for a corpus file with this id and content.
    static func name(fileID: String, contentHash: UInt64) -> String {
        let key = ContentHash.of(Array(fileID.utf8) + [0] + withUnsafeBytes(of: contentHash.littleEndian) { Array($0) })
        let hex = String(key, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "." + fileExtension
    }

    /// The file's analysis, or the `parts` of it asked for; nil when there is no sound segment.
    /// Read as a `.summary`, the analysis says its sections and postings are still in the segment
    /// (`FileAnalysis.leftInSegment`).
    func load(fileID: String, contentHash: UInt64, parts: SegmentCodec.Parts = .all) -> FileAnalysis? {
        let path = (folder as NSString).appendingPathComponent(Self.name(fileID: fileID, contentHash: contentHash))
        // Read as documents are (copied, not mapped): a segment is never trusted to stay as it is.
        guard let bytes = try? DocumentReader.bytes(path: path, id: path) else { return nil }
        var analysis = bytes.withUnsafeBytes { SegmentCodec.decode($0, fileID: fileID, fingerprint: fingerprint, parts: parts) }
        analysis?.leftInSegment = parts == .summary
        return analysis?.contentHash == contentHash ? analysis : nil
    }

    /// The sections of an analysis, read back from its segment if they were left there.
    func sections(of analysis: FileAnalysis, fileID: String) throws(IndexError) -> PackedSections {
        guard analysis.leftInSegment else { return analysis.sections }
        return try sections(fileID: fileID, contentHash: analysis.contentHash)
    }

    /// The sections a segment holds, read back: each walk of a `SectionFeed` reads them so.
    func sections(fileID: String, contentHash: UInt64) throws(IndexError) -> PackedSections {
        try readBack(.sections, fileID: fileID, contentHash: contentHash).sections
    }

    /// The postings of an analysis, read back from its segment if they were left there: for the
    /// merge, or to store the analysis again.
    func postings(of analysis: FileAnalysis, fileID: String) throws(IndexError) -> PostingsAccumulator.Encoded {
        guard analysis.leftInSegment else { return analysis.postings }
        return try readBack(.postings, fileID: fileID, contentHash: analysis.contentHash).postings
    }

    /// The analysis whole again, its sections and postings read back if they were left.
    func whole(_ analysis: FileAnalysis, fileID: String) throws(IndexError) -> FileAnalysis {
        var whole = analysis
        whole.sections = try sections(of: analysis, fileID: fileID)
        whole.postings = try postings(of: analysis, fileID: fileID)
        whole.leftInSegment = false
        whole.sectionsLeft = 0
        return whole
    }

    private func readBack(_ parts: SegmentCodec.Parts, fileID: String,
                          contentHash: UInt64) throws(IndexError) -> FileAnalysis {
        guard let stored = load(fileID: fileID, contentHash: contentHash, parts: parts) else {
            throw .io("the segment of \(fileID) in \(folder) could not be read back while indexing "
                + "(removed or damaged meanwhile); the index is left as it was: run the build again")
        }
        return stored
    }

    /// Stores the analysis; a segment that cannot be written is left out (the file is analysed
    /// again next time), so a full disk slows the next update down but never fails this build.
    /// Returns whether it was stored.
    @discardableResult
    func store(_ analysis: FileAnalysis, fileID: String) -> Bool {
        precondition(!analysis.leftInSegment, "an analysis is stored with its sections and postings")
        let name = Self.name(fileID: fileID, contentHash: analysis.contentHash)
        let bytes = SegmentCodec.encode(analysis, fileID: fileID, fingerprint: fingerprint)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let final = (folder as NSString).appendingPathComponent(name)
        let temporary = final + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let complete = IndexWriter.writeAll(bytes, to: fd)
        close(fd)
        guard complete, rename(temporary, final) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Stores the analysis and, once it is stored, leaves its sections and postings in the
    /// segment (`FileAnalysis.leftInSegment`); one that could not be stored keeps them.
    func storeLeavingBulk(_ analysis: inout FileAnalysis, fileID: String) {
        guard store(analysis, fileID: fileID) else { return }
        analysis.sectionsLeft = analysis.sections.count
        analysis.sections = PackedSections()
        analysis.postings = .empty
        analysis.leftInSegment = true
    }

    /// Removes every file but the named segments: segments of files no longer in the corpus (or
    /// of their old contents), of older rules, and temporary files of killed builds. Only the
    /// holder of the lock may call it.
    func keepOnly(_ names: Set<String>) {
        guard let present = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in present where !names.contains(name) {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }
}
