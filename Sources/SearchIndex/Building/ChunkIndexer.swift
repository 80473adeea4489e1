import CouncilDocuments
import NorwegianText

/// Indexes corpus files, each independently of every other, so that files can be processed in
/// parallel: read, cut into sections, analyze, accumulate postings with file-local section
/// numbers (a `FileAnalysis`, what a segment stores).
///
/// Clean documents are indexed at once and their words counted for the OCR lexicon; documents
/// that read as OCR-damaged are handed back, to be indexed with repair once the lexicon of the
/// whole corpus is known.
///
/// A document is analysed window by window (`DocumentWindows`), so memory follows the window,
/// not the file. That gives the tokens of the whole text because the analyzer's filters decide
/// token by token (stemming, and OCR repair with the fixed profile `withOCRRepair` gives); the
/// one document-wide decision, whether a document is damaged, is added up over its windows.
struct ChunkIndexer {
    let analyzer: Analyzer
    let sectioner: Sectioner
    /// How PDFs are read: the tools and the index folder's cache of their text.
    var pdf = PDFReading()
    /// Bytes of text per analysis window: large enough that the filters' per-call memos (stems,
    /// repairs) pay off as they do for a file of this size, small enough to bound memory.
    var windowBytes = 1 << 20
    /// A document up to this size keeps its tokens from the damage check to indexing; a larger
    /// one is tokenized again rather than holding tokens for all of it (about 5 bytes per byte).
    var keptTokenBytes = 8 << 20
    /// Where analyses are kept between builds: a file found there is not analysed again, and a
    /// clean file analysed now is stored there (a damaged one by the builder, once repaired).
    var segments: SegmentStore?

    struct FileOutcome {
        let file: CorpusFile
        /// Nil when the file was skipped; `problem` says why.
        let indexed: IndexedFile?
        let problem: SkippedPath?
        let note: String?
        let bytes: Int
    }

    struct Result {
        var files: [FileOutcome] = []
        /// The files analysed or taken from their segments (`reused`), each with its place in
        /// the corpus listing.
        var analyses: [(fileIndex: Int, analysis: FileAnalysis, reused: Bool)] = []
        /// Damaged documents, with their place in the corpus listing, left for `indexDamaged`.
        var deferred: [(fileIndex: Int, document: DeferredDocument)] = []
    }

    /// Reads and analyses one corpus file, or takes it from its segment; a damaged file read now
    /// is handed back in `deferred`.
    /// - Parameters:
    ///   - fileIndex: the file's place in the corpus listing.
    ///   - knownHash: its content hash, when the index being replaced vouches for it: then its
    ///     segment is found without reading the file.
    func index(_ file: CorpusFile, fileIndex: Int, knownHash: UInt64?, into result: inout Result) {
        func reuse(_ analysis: FileAnalysis) {
            let indexed = IndexedFile(file, contentHash: analysis.contentHash, encoding: analysis.encoding)
            result.files.append(FileOutcome(file: file, indexed: indexed, problem: nil, note: nil, bytes: analysis.byteCount))
            result.analyses.append((fileIndex, analysis, true))
        }
        if let hash = knownHash, let analysis = segments?.load(fileID: file.id, contentHash: hash, parts: .summary) {
            return reuse(analysis)
        }
        let document: SourceDocument
        do {
            document = try DocumentReader.read(path: file.path, id: file.id, pdf: pdf)
        } catch {
            let skipped = SkippedPath(id: file.id, reason: error.reason)
            result.files.append(FileOutcome(file: file, indexed: nil, problem: skipped, note: nil, bytes: 0))
            return
        }
        if let analysis = segments?.load(fileID: file.id, contentHash: document.contentHash, parts: .summary) {
            return reuse(analysis)
        }
        let indexed = IndexedFile(file, contentHash: document.contentHash, encoding: document.encoding)
        result.files.append(FileOutcome(file: file, indexed: indexed, problem: nil,
                                        note: EncodingNote.of(document) ?? document.note, bytes: document.byteCount))
        let windowed = windows(of: document)
        let pieces = PieceTokenizer(tokenizer: analyzer.tokenizer)
        var kept: [[Token]] = []
        let keep = document.text.utf8.count <= keptTokenBytes
        var damage = DamageTally()
        for w in windowed.windows.indices {
            let words = windowed.tokens(ofWindow: w, tokenizer: pieces)
            damage.add(words)
            if keep { kept.append(words) }
        }
        if damage.profile.isDamaged {
            result.deferred.append((fileIndex, DeferredDocument(document, path: file.path, pdf: pdf)))
            return
        }
        var analysis = FileAnalysis(reading: .clean, document: document)
        analysis.meetingDates = MeetingDateMentions.find(in: document.text)
        for definition in AcronymFinder().definitions(in: document.text) { analysis.acronyms[definition, default: 0] += 1 }
        var accumulator = PostingsAccumulator()
        var lexicon = Lexicon()
        for w in windowed.windows.indices {
            var words: [Token] = []
            if keep { swap(&words, &kept[w]) } else { words = windowed.tokens(ofWindow: w, tokenizer: pieces) }
            lexicon.addWords(words)
            add(windowed, window: w, words: words, analyzer: analyzer, to: &accumulator, sections: &analysis.sections)
        }
        analysis.words = lexicon.counts
        analysis.postings = accumulator.encode()
        if !document.isPartial { segments?.storeLeavingBulk(&analysis, fileID: file.id) }
        result.analyses.append((fileIndex, analysis, false))
    }

    /// Indexes a damaged document with a chain that repairs it, keeping each repair decision.
    func indexDamaged(_ document: SourceDocument, repairing: Analyzer) -> FileAnalysis {
        var analysis = FileAnalysis(reading: .damaged, document: document)
        analysis.meetingDates = MeetingDateMentions.find(in: document.text)
        let log = RepairLog()
        let logging = repairing.loggingRepairs(to: log)
        var accumulator = PostingsAccumulator()
        let pieces = PieceTokenizer(tokenizer: logging.tokenizer)
        let windowed = windows(of: document)
        for w in windowed.windows.indices {
            let words = windowed.tokens(ofWindow: w, tokenizer: pieces)
            let tokens = add(windowed, window: w, words: words, analyzer: logging,
                             to: &accumulator, sections: &analysis.sections)
            collectRepairs(tokens, into: &analysis.repairs)
        }
        analysis.decisions = log.decisions
        analysis.postings = accumulator.encode()
        return analysis
    }

    private func windows(of document: SourceDocument) -> WindowedDocument {
        WindowedDocument(text: document.text, sections: sectioner.sections(of: document), windowBytes: windowBytes)
    }

    /// Pairs each written word with the tokens added beside it (repairs, and stems of capitals).
    private func collectRepairs(_ tokens: [Token], into repairs: inout [String: Set<String>]) {
        var written: Token?
        for token in tokens {
            if !token.flags.contains(.synonym) {
                written = token
            } else if let w = written, w.position == token.position, w.text != token.text {
                repairs[w.text, default: []].insert(token.text)
            }
        }
    }

    /// Hands each token of an analyzed window to the section it falls in, with positions counted
    /// from the section's first word; returns the tokens.
    @discardableResult
    private func add(_ document: WindowedDocument, window w: Int, words: [Token], analyzer: Analyzer,
                     to accumulator: inout PostingsAccumulator, sections: inout PackedSections) -> [Token] {
        let cut = document.sections[document.windows[w].sections]
        guard !cut.isEmpty else { return [] }
        let bounds = document.sectionBounds(ofWindow: w)
        let tokens = analyzer.filter(words)
        // Sections may nest (a decision inside its case), so each finds its tokens by search.
        func firstToken(atOrAfter offset: Int) -> Int {
            var low = 0, high = tokens.count
            while low < high {
                let mid = (low + high) / 2
                if Int(tokens[mid].range.lowerBound) < offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
        for (i, var section) in cut.enumerated() {
            // A damaged document's title is shown repaired, with the text as written beside it.
            if let title = section.title, let repaired = analyzer.repairedSpelling(of: title) {
                section.titleAsWritten = title
                section.title = repaired
            }
            let sectionID = UInt32(sections.count)
            let slice = tokens[firstToken(atOrAfter: bounds[i].lowerBound)..<firstToken(atOrAfter: bounds[i].upperBound)]
            let base = slice.first?.position ?? 0
            let length = slice.isEmpty ? 0 : Int(slice.last!.position - base) + 1
            accumulator.add(slice, section: sectionID, positionBase: base)
            if let title = TitleField.indexedTitle(of: section).map({ section.titleAsWritten ?? $0 }) {
                accumulator.add(analyzer.analyze(title).map(TitleField.token)[...], section: sectionID, positionBase: 0)
            }
            sections.append(SectionRecord(fileIndex: 0, section: section, length: length))
        }
        return tokens
    }
}

extension IndexedFile {
    init(_ file: CorpusFile, contentHash: UInt64, encoding: TextEncoding) {
        self.init(id: file.id, size: file.size, modified: file.modified, contentHash: contentHash, encoding: encoding)
    }
}
