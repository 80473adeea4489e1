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
        var documents: [SourceDocument] = []
        var indexedFiles: [IndexedFile] = []
        var warnings: [String] = []
        var notes: [String] = []
        for file in files {
            do {
                let document = try DocumentReader.read(path: file.path, id: file.id)
                if document.encoding == .windows1252 { notes.append("\(file.id) is not valid UTF-8; read as Windows-1252") }
                documents.append(document)
                indexedFiles.append(IndexedFile(id: file.id, size: file.size, modified: file.modified,
                                                contentHash: document.contentHash, encoding: document.encoding))
            } catch {
                warnings.append(error.description)
            }
        }
        guard !documents.isEmpty else { throw .emptyCorpus("no readable documents in \(corpus)") }
        progress?("read \(documents.count) files")

        var records: [SectionRecord] = []
        for (fileIndex, document) in documents.enumerated() {
            for section in sectioner.sections(of: document) {
                records.append(SectionRecord(fileIndex: fileIndex, section: section, length: 0))
            }
        }
        let chunks = chunkRanges(records)
        let encoded = Mutex<[Int: (PostingsAccumulator.Encoded, [UInt32])]>([:])
        let done = Mutex(0)
        let frozenRecords = records
        let frozenDocuments = documents
        let analyzer = self.analyzer
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunkIndex in
            var accumulator = PostingsAccumulator()
            var lengths: [UInt32] = []
            for sectionID in chunks[chunkIndex] {
                let record = frozenRecords[sectionID]
                let text = frozenDocuments[record.fileIndex].text.utf8Slice(record.section.byteRange)
                let tokens = analyzer.analyze(text)
                lengths.append(UInt32((tokens.last?.position ?? -1) + 1))
                accumulator.add(tokens, section: UInt32(sectionID))
                if let title = TitleField.indexedTitle(of: record.section) {
                    accumulator.add(analyzer.analyze(title).map(TitleField.token), section: UInt32(sectionID))
                }
            }
            let result = accumulator.encode()
            encoded.withLock { $0[chunkIndex] = (result, lengths) }
            let finished = done.withLock { count -> Int in count += 1; return count }
            progress?("analyzed \(finished)/\(chunks.count) parts")
        }
        let parts = encoded.withLock { all in (0..<chunks.count).map { all[$0]! } }
        for (chunkIndex, range) in chunks.enumerated() {
            for (offset, sectionID) in range.enumerated() { records[sectionID].length = Int(parts[chunkIndex].1[offset]) }
        }
        let merged = PostingsMerger.merge(parts.map(\.0))
        let foldKeys = Self.foldKeys(merged.terms)
        let corpusBytes = documents.reduce(0) { $0 + $1.byteCount }
        let metadata = IndexMetadata(
            formatVersion: IndexFormat.version,
            corpusPath: URL(fileURLWithPath: corpus).standardizedFileURL.path,
            builtAt: Date().timeIntervalSince1970, buildSeconds: 0, files: indexedFiles,
            sectionCount: records.count, totalLength: records.reduce(0) { $0 + $1.length },
            termCount: merged.terms.count, corpusBytes: corpusBytes, analysisFingerprint: fingerprint)
        let contents = IndexContents(metadata: metadata, sections: records, terms: merged.terms,
                                     postings: merged.postings, foldKeys: foldKeys)
        let report = BuildReport(files: documents.count, sections: records.count, terms: merged.terms.count,
                                 corpusBytes: corpusBytes, indexBytes: 0, seconds: Date().timeIntervalSince(started),
                                 warnings: warnings, notes: notes)
        return (contents, report)
    }

    /// Changes whenever analysis or sectioning would index a sample package differently, so an
    /// index built by older rules is noticed without anyone remembering to bump a number.
    public var fingerprint: String {
        let sample = """
            Saksfremlegg Møte 2/2025
            Sak 8/1/25 Bedre tilgang til og økt bruk av HELSEDATA
            Dato 24. februar 2025. HO21-rådet, KSF og NOU: høringssvaret, rådsmøtene, bærekraftige
            Forslag til vedtak: Rådet tar saken til orientering. 53.6.22 t.o.m. 2/2025 Ø Å Æ ß

            Årsrapport
            """
        var hash = ContentHash()
        var description = "format \(IndexFormat.version)|"
        for section in sectioner.sections(text: sample, documentID: "x-møte-2025-2.txt") {
            description += "\(section.firstLine)-\(section.lastLine) \(section.kind) \(section.caseID?.description ?? "") \(section.title ?? "") \(section.date ?? "")|"
            let text = sample.utf8Slice(section.byteRange)
            description += analyzer.analyze(text).map { "\($0.text)@\($0.position)" }.joined(separator: " ")
            if let title = TitleField.indexedTitle(of: section) { description += "|t:" + analyzer.analyze(title).map(\.text).joined(separator: " ") }
        }
        Array(description.utf8).withUnsafeBytes { hash.update($0) }
        return String(hash.value, radix: 16)
    }

    /// Consecutive runs of sections of about `chunkBytes` of text each.
    func chunkRanges(_ records: [SectionRecord]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (i, record) in records.enumerated() {
            bytes += record.section.byteRange.count
            if bytes >= chunkBytes {
                ranges.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
        if start < records.count { ranges.append(start..<records.count) }
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
