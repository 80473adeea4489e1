import CouncilDocuments
import Dispatch
import Foundation
import NorwegianText
import Synchronization

/// What a build did, for the user and for benchmarks.
public struct BuildReport: Sendable {
    public var files: Int
    public var sections: Int
    public var terms: Int
    public var corpusBytes: Int
    public var indexBytes: Int
    public var seconds: Double
    /// Files skipped, one line each, naming the file and why.
    public var warnings: [String]
    /// Things worth knowing that are not problems (a file read as Windows-1252).
    public var notes: [String]
}

/// Builds the index of a corpus folder: read, cut into sections, analyze (in parallel over runs
/// of sections), encode postings, write one file atomically.
public struct IndexBuilder: Sendable {
    public var analyzer: Analyzer
    public var sectioner: Sectioner
    /// Text per unit of parallel work: large enough to amortize, small enough to balance two cores.
    public var chunkBytes = 1 << 20

    public init(analyzer: Analyzer = .norwegian, sectioner: Sectioner = Sectioner()) {
        self.analyzer = analyzer
        self.sectioner = sectioner
    }

    @discardableResult
    public func build(corpus: String, into folder: String, progress: (@Sendable (String) -> Void)? = nil) throws(IndexError) -> BuildReport {
        let started = Date()
        var (contents, report) = try makeContents(corpus: corpus, progress: progress)
        contents.metadata.buildSeconds = Date().timeIntervalSince(started)
        let bytes = try IndexWriter.serialize(contents)
        try IndexWriter.writeAtomically(bytes, to: folder)
        report.indexBytes = bytes.count
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    func makeContents(corpus: String, progress: (@Sendable (String) -> Void)?) throws(IndexError) -> (IndexContents, BuildReport) {
        let started = Date()
        let files: [CorpusFile]
        do {
            files = try CorpusScanner.files(in: corpus)
        } catch {
            throw .emptyCorpus(error.description)
        }
        let chunks = chunkRanges(files)
        let results = Mutex<[Int: ChunkIndexer.Result]>([:])
        let done = Mutex(0)
        let indexer = ChunkIndexer(analyzer: analyzer, sectioner: sectioner)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunkIndex in
            let result = indexer.index(files[chunks[chunkIndex]])
            results.withLock { $0[chunkIndex] = result }
            let finished = done.withLock { count -> Int in count += 1; return count }
            progress?("\(finished)/\(chunks.count) parts")
        }
        let parts = results.withLock { all in (0..<chunks.count).map { all[$0]! } }

        var records: [SectionRecord] = []
        var indexedFiles: [IndexedFile] = []
        var warnings: [String] = []
        var notes: [String] = []
        var corpusBytes = 0
        var sectionBase: [UInt32] = []
        for part in parts {
            sectionBase.append(UInt32(records.count))
            let fileBase = indexedFiles.count
            for outcome in part.files {
                if let problem = outcome.problem { warnings.append(problem) }
                if let note = outcome.note { notes.append(note) }
                if let indexed = outcome.indexed { indexedFiles.append(indexed) }
                corpusBytes += outcome.bytes
            }
            for var record in part.sections {
                record.fileIndex += fileBase
                records.append(record)
            }
        }
        guard !indexedFiles.isEmpty else { throw .emptyCorpus("no readable documents in \(corpus): \(warnings.joined(separator: "; "))") }
        let merged = PostingsMerger.merge(parts.map(\.postings), sectionBase: sectionBase)
        let foldKeys = Self.foldKeys(merged.terms)
        let metadata = IndexMetadata(
            formatVersion: IndexFormat.version,
            corpusPath: URL(fileURLWithPath: corpus).standardizedFileURL.path,
            builtAt: Date().timeIntervalSince1970, buildSeconds: 0, files: indexedFiles,
            sectionCount: records.count, totalLength: records.reduce(0) { $0 + $1.length },
            termCount: merged.terms.count, corpusBytes: corpusBytes, analysisFingerprint: fingerprint)
        let contents = IndexContents(metadata: metadata, sections: records, terms: merged.terms,
                                     postings: merged.postings, foldKeys: foldKeys)
        let report = BuildReport(files: indexedFiles.count, sections: records.count, terms: merged.terms.count,
                                 corpusBytes: corpusBytes, indexBytes: 0, seconds: Date().timeIntervalSince(started),
                                 warnings: warnings, notes: notes)
        return (contents, report)
    }

    /// Bump when analysis or sectioning changes in a way the fingerprint's sample does not show.
    static let rulesRevision = 7

    /// Changes whenever analysis or sectioning would index a sample package differently (or their
    /// settings or `rulesRevision` change), so an index built by older rules is rebuilt.
    public var fingerprint: String {
        let sample = """
            Saksfremlegg Møte 2/2025
            Sak 8/1/25 Bedre tilgang til og økt bruk av HELSEDATA
            Dato 24. februar 2025. HO21-rådet, KSF og NOU: høringssvaret, rådsmøtene, bærekraftige
            Forslag til vedtak: Rådet tar saken til orientering. 53.6.22 t.o.m. 2/2025 Ø Å Æ ß

            Årsrapport
            """
        var hash = ContentHash()
        var description = "format \(IndexFormat.version) rules \(Self.rulesRevision) \(sectioner)|"
        for section in sectioner.sections(text: sample, documentID: "x-møte-2025-2.txt") {
            description += "\(section.firstLine)-\(section.lastLine) \(section.kind) \(section.caseID?.description ?? "") \(section.title ?? "") \(section.date ?? "")|"
            let text = sample.utf8Slice(section.byteRange)
            description += analyzer.analyze(text).map { "\($0.text)@\($0.position)" }.joined(separator: " ")
            if let title = TitleField.indexedTitle(of: section) { description += "|t:" + analyzer.analyze(title).map(\.text).joined(separator: " ") }
        }
        Array(description.utf8).withUnsafeBytes { hash.update($0) }
        return String(hash.value, radix: 16)
    }

    /// Consecutive runs of files of about `chunkBytes` each (a larger file is a run of its own).
    func chunkRanges(_ files: [CorpusFile]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (i, file) in files.enumerated() {
            bytes += file.size
            if bytes >= chunkBytes {
                ranges.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
        if start < files.count { ranges.append(start..<files.count) }
        return ranges
    }

    /// Groups the terms whose spelling differs only in æ/ø/å (or their digraphs) under their
    /// fold key, leaving out terms that are their own key and alone in it.
    static func foldKeys(_ terms: [IndexContents.TermEntry]) -> [(key: [UInt8], termIDs: [UInt32])] {
        var groups: [String: [UInt32]] = [:]
        for (id, term) in terms.enumerated() {
            let text = String(decoding: term.text, as: UTF8.self)
            if TitleField.isTitleTerm(text) { continue }
            let key = NorwegianFolding.foldKey(text)
            if key != text { groups[key, default: []].append(UInt32(id)) }
        }
        return groups.map { (key: Array($0.key.utf8), termIDs: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }
}

extension String {
    /// The text of a byte range of this string's UTF-8 form (ranges come from `DocumentLines`,
    /// so they fall on character boundaries).
    func utf8Slice(_ range: Range<Int>) -> String {
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: min(range.lowerBound, utf8.count))
        let upper = utf8.index(utf8.startIndex, offsetBy: min(range.upperBound, utf8.count))
        return String(self[lower..<upper])
    }
}
