import CouncilDocuments
import Dispatch
import Foundation
import NorwegianText
import Synchronization

/// Builds the index of a corpus folder: read, cut into sections, analyze (in parallel over runs
/// of sections), encode postings, write one file atomically.
public struct IndexBuilder: Sendable {
    public var analyzer: Analyzer
    public var sectioner: Sectioner
    /// Text per unit of parallel work: large enough to amortize, small enough to balance two cores.
    public var chunkBytes = 1 << 20
    /// Text per analysis window inside a document (`DocumentWindows`): bounds the memory a
    /// large file takes to analyse.
    var analysisWindowBytes = 1 << 20
    /// The system word list that widens the OCR lexicon when installed; nil to use the corpus only.
    public var wordList: String? = Lexicon.systemWordListPath
    /// The poppler and Tesseract programs that read PDFs (`.none`: PDFs are read from the index
    /// folder's cache only, or skipped).
    public var pdfTools: PDFTools = .installed
    /// About the bytes of postings a build holds at once (`PostingsMerger`): past it, the merge
    /// goes through runs and a postings file in the index folder.
    public var memoryBudget = IndexBuilder.defaultMemoryBudget

    /// The word list (by path, size and time) and the PDF programs this build would use: what,
    /// besides the corpus and the rules, decides the index it makes (`IndexMetadata.outsideInputs`).
    public var outsideInputs: String {
        let tools = [pdfTools.pdftotext, pdfTools.pdftoppm, pdfTools.tesseract].map { $0 ?? "-" }
        return (tools + [wordList.flatMap(LexiconDigest.stamp(ofWordList:)) ?? "-"]).joined(separator: "|")
    }

    /// An eighth of the machine's memory, between 64 MB and 512 MB: room for a 100 MB corpus to
    /// merge in memory, while a build of any size leaves most of the machine to the rest of it.
    public static var defaultMemoryBudget: Int {
        let eighth = Int(clamping: ProcessInfo.processInfo.physicalMemory / 8)
        return max(64 << 20, min(512 << 20, eighth))
    }

    public init(analyzer: Analyzer = .norwegian, sectioner: Sectioner = Sectioner()) {
        self.analyzer = analyzer
        self.sectioner = sectioner
    }

    /// Builds under the folder's `IndexLock`, so that two builds of one index never interleave.
    /// - Parameter waiting: told when another build holds the lock and this one waits for it.
    @discardableResult
    public func build(corpus: String, into folder: String, progress: (@Sendable (BuildProgress) -> Void)? = nil,
                      waiting: ((String) -> Void)? = nil) throws(IndexError) -> BuildReport {
        let lock = try IndexLock(folder: folder, waiting: waiting)
        let report = try buildLocked(corpus: corpus, into: folder, progress: progress)
        lock.release()
        return report
    }

    /// `build` for a caller that already holds the folder's lock: an update when the folder
    /// holds the segments of an earlier build (only new and changed files are read and
    /// analysed), else a build from scratch; either way the index a full build makes.
    func buildLocked(corpus: String, into folder: String,
                     progress: (@Sendable (BuildProgress) -> Void)?) throws(IndexError) -> BuildReport {
        let started = Date()
        let cache = ExtractedTextCache(indexFolder: folder)
        let segments = SegmentStore(indexFolder: folder, fingerprint: fingerprint)
        let previous = IndexFile.metadata((folder as NSString).appendingPathComponent(IndexFormat.fileName))
        IndexWriter.removeOrphans(in: folder)
        if let previous, let report = UpToDateIndex.report(folder: folder, corpus: corpus, previous: previous,
                                                           builder: self, started: started) {
            Self.keepOnlyWhatIsLive(previous.files, cache: cache, segments: segments)
            return report
        }
        var (contents, report) = try makeContents(corpus: corpus, pdfCache: cache, segments: segments,
                                                  previous: previous, workFolder: folder, progress: progress)
        defer { if case .file(let path, _, _) = contents.postings { unlink(path) } }
        contents.metadata.buildSeconds = Date().timeIntervalSince(started)
        // The section table is a small share of the budget: the merged term list is held beside it.
        let size = try IndexWriter.writeAtomically(contents, to: folder, sectionSpillBytes: memoryBudget / 16)
        Self.keepOnlyWhatIsLive(contents.metadata.files, cache: cache, segments: segments)
        report.indexBytes = size
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Removes the cached PDF text and the segments of files the index no longer lists, and
    /// what killed builds left behind.
    private static func keepOnlyWhatIsLive(_ files: [IndexedFile], cache: ExtractedTextCache, segments: SegmentStore) {
        cache.keepOnly(hashes: files.filter { ($0.id as NSString).pathExtension.lowercased() == "pdf" }.map(\.contentHash))
        segments.keepOnly(Set(files.map { SegmentStore.name(fileID: $0.id, contentHash: $0.contentHash) }))
    }

    /// The word counts of the clean files, summed from all cores.
    private final class WordTally: Sendable {
        private let tally = Mutex<[String: Int]>([:])

        func add(_ counts: [String: Int]) {
            guard !counts.isEmpty else { return }
            tally.withLock { $0.merge(counts, uniquingKeysWith: +) }
        }

        var counts: [String: Int] { tally.withLock { $0 } }
    }

    /// One analysed file on its way into the index.
    private struct Analysed {
        var analysis: FileAnalysis
        /// Taken from its segment rather than analysed by this build.
        var reused: Bool
    }

    /// - Parameters:
    ///   - pdfCache: where extracted PDF text is kept between builds (none: extracted anew).
    ///   - segments: where each file's analysis is kept between builds (none: all analysed anew).
    ///   - previous: the metadata of the index this build replaces: a file it lists with the same
    ///     size and time is taken from its segment without being read.
    ///   - workFolder: where the merge may put what passes `memoryBudget` (none: it stays in memory).
    func makeContents(corpus: String, pdfCache: ExtractedTextCache? = nil, segments: SegmentStore? = nil,
                      previous: IndexMetadata? = nil, workFolder: String? = nil,
                      progress: (@Sendable (BuildProgress) -> Void)?) throws(IndexError) -> (IndexContents, BuildReport) {
        let started = Date()
        let scan: CorpusListing
        do {
            scan = try CorpusScanner.scan(corpus)
        } catch {
            throw .emptyCorpus(error.description)
        }
        let files = scan.files
        let chunks = chunkRanges(files)
        var pdf = PDFReading(extraction: PDFExtraction(tools: pdfTools), cache: pdfCache)
        let relay = progress.map { ProgressRelay($0, files: files.count, bytes: files.reduce(0) { $0 + $1.size }) }
        if let relay { pdf.progress = { file, page, pages in relay.ocr(file: file, page: page, pages: pages) } }
        let indexer = ChunkIndexer(analyzer: analyzer, sectioner: sectioner, pdf: pdf, windowBytes: analysisWindowBytes,
                                   segments: segments)
        let known = KnownHashes(previous, fingerprint: fingerprint)
        let sizes = chunks.map { range in (files: range.count, bytes: files[range].reduce(0) { $0 + $1.size }) }
        var tell: (@Sendable (BuildProgress) -> Void)?
        if let relay { tell = { relay.tell($0) } }
        // Word counts are summed as files come in: kept per file until the end, they would take
        // more memory than the postings.
        let words = WordTally()
        let read = Self.parallel(sizes, phase: .reading, progress: tell) { run in
            var result = ChunkIndexer.Result()
            for i in chunks[run] {
                indexer.index(files[i], fileIndex: i, knownHash: known.hash(of: files[i]), into: &result)
                guard let last = result.analyses.indices.last, result.analyses[last].fileIndex == i else { continue }
                words.add(result.analyses[last].analysis.words)
                result.analyses[last].analysis.words = [:]
            }
            return result
        }
        var outcomes = read.flatMap(\.files)
        var analysed: [Int: Analysed] = [:]
        for part in read { for entry in part.analyses { analysed[entry.fileIndex] = Analysed(analysis: entry.analysis, reused: entry.reused) } }

        // The lexicon of all the clean documents: repairs the damaged ones, splits compounds.
        var lexicon = Lexicon()
        lexicon.merge(counts: words.counts)
        let cleanKeys = analysed.filter { $0.value.analysis.reading == .clean }
            .map { SegmentStore.name(fileID: files[$0.key].id, contentHash: $0.value.analysis.contentHash) }
        let usedWordList = wordList.map { lexicon.addWordList(path: $0) } ?? false
        lexicon.finish()
        let digest = LexiconDigest.of(cleanFiles: cleanKeys, wordList: usedWordList ? wordList : nil)
        let repairing = analyzer.withOCRRepair(WordRepairer(lexicon: lexicon))
        FreedMemory.giveBack()

        // Damaged files from segments stay when the new lexicon decides each of their words alike.
        var deferred = read.flatMap(\.deferred)
        let unsure = analysed.filter { $0.value.analysis.reading == .damaged && $0.value.analysis.lexiconDigest != digest }
            .keys.sorted()
        let stillRight = Self.stillRepairedAlike(unsure.map { analysed[$0]!.analysis }, repairing: repairing)
        for (i, same) in zip(unsure, stillRight) {
            if same, let segments {
                var analysis = try segments.whole(analysed[i]!.analysis, fileID: files[i].id)
                analysis.lexiconDigest = digest
                segments.storeLeavingBulk(&analysis, fileID: files[i].id)
                analysed[i]!.analysis = analysis
            } else {
                let analysis = analysed[i]!.analysis
                analysed[i] = nil
                deferred.append((i, .onDisk(path: files[i].path, id: files[i].id, contentHash: analysis.contentHash,
                                            byteCount: analysis.byteCount)))
            }
        }
        deferred.sort { $0.fileIndex < $1.fileIndex }
        if !deferred.isEmpty {
            let deferred = deferred
            let runs = Self.runs(of: deferred.map(\.document.byteCount), bytes: chunkBytes)
            let runSizes = runs.map { run in
                (files: run.count, bytes: deferred[run].reduce(0) { $0 + $1.document.byteCount })
            }
            let repaired = Self.parallel(runSizes, phase: .repairing, progress: progress) { run in
                var result = ChunkIndexer.Result()
                for (i, waiting) in deferred[runs[run]] {
                    guard let document = waiting.document(pdf: indexer.pdf) else {
                        // Changed or unreadable since it was read: the next update reads it afresh.
                        let problem = SkippedPath(id: files[i].id, reason: "changed while it was being indexed")
                        result.files.append(.init(file: files[i], indexed: nil, problem: problem, note: nil, bytes: 0))
                        continue
                    }
                    var analysis = indexer.indexDamaged(document, repairing: repairing)
                    analysis.lexiconDigest = digest
                    if !document.isPartial { segments?.storeLeavingBulk(&analysis, fileID: files[i].id) }
                    result.analyses.append((i, analysis, false))
                }
                return result
            }
            for part in repaired {
                for entry in part.analyses { analysed[entry.fileIndex] = Analysed(analysis: entry.analysis, reused: false) }
                for changed in part.files {
                    outcomes.removeAll { $0.file.id == changed.file.id }
                    outcomes.append(changed)
                }
            }
        }
        deferred = []
        FreedMemory.giveBack()

        // Clean files, then damaged ones, each in listing order, as a build from scratch has them.
        let order = analysed.keys.sorted { a, b in
            let (ra, rb) = (analysed[a]!.analysis.reading.rawValue, analysed[b]!.analysis.reading.rawValue)
            return ra != rb ? ra < rb : a < b
        }
        // The corpus-wide tables of the damaged files' repairs and the clean files' acronyms, made
        // now, so that no file's own table is held through the merge.
        var repaired = RepairedWords()
        var definitions: [[AcronymFinder.Definition: Int]] = []
        for i in order {
            switch analysed[i]!.analysis.reading {
            case .damaged: repaired.add(analysed[i]!.analysis)
            case .clean: definitions.append(analysed[i]!.analysis.acronyms)
            }
            analysed[i]!.analysis.repairs = [:]
            analysed[i]!.analysis.decisions = [:]
            analysed[i]!.analysis.acronyms = [:]
        }
        let acronyms = Self.acronyms(definitions)
        definitions = []
        let damagedCount = analysed.values.filter { $0.analysis.reading == .damaged }.count
        var lexiconNote: String?
        if damagedCount > 0 {
            lexiconNote = Plural.count(damagedCount, "file")
                + " read as OCR-damaged and repaired with a lexicon of \(lexicon.counts.count) corpus words"
                + (usedWordList ? " and the system word list" : " (no system word list installed)")
        }

        // Files in listing order, skipped ones left out; sections renumbered to match.
        outcomes.sort { $0.file.id < $1.file.id }
        var newIndex: [Int: Int] = [:]
        var indexedFiles: [IndexedFile] = []
        var skipped = scan.skipped
        var notes: [String] = []
        var corpusBytes = 0
        let listing = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1.id, $0) })
        for outcome in outcomes {
            if let problem = outcome.problem { skipped.append(problem) }
            if let note = outcome.note { notes.append(note) }
            corpusBytes += outcome.bytes
            if var indexed = outcome.indexed {
                let i = listing[outcome.file.id]!
                newIndex[i] = indexedFiles.count
                indexed.damaged = analysed[i]?.analysis.reading == .damaged
                indexedFiles.append(indexed)
            }
        }
        if let lexiconNote { notes.append(lexiconNote) }
        let indexedIDs = Set(indexedFiles.map(\.id))
        let unindexed = files.filter { !indexedIDs.contains($0.id) }.map { SkippedFile(id: $0.id, size: $0.size, modified: $0.modified) }
        // Each file's sections stay in its segment (or, if it could not be written, here) and are
        // walked again whenever they are needed: once now for the lengths and the meeting dates,
        // twice when the section table is written.
        var feed = SectionFeed()
        var sectionBase: [UInt32] = []
        var sectionCount = 0
        for i in order {
            sectionBase.append(UInt32(sectionCount))
            let analysis = analysed[i]!.analysis
            sectionCount += analysis.sectionCount
            if let segments, analysis.leftInSegment {
                feed.append(.segment(segments, fileID: files[i].id, contentHash: analysis.contentHash),
                            fileIndex: newIndex[i]!)
            } else {
                feed.append(.memory(analysis.sections), fileIndex: newIndex[i]!)
                analysed[i]!.analysis.sections = PackedSections()
            }
        }
        var lengths: [UInt32] = [], kinds: [UInt8] = []
        lengths.reserveCapacity(sectionCount)
        kinds.reserveCapacity(sectionCount)
        var dating = MeetingDating()
        try feed.forEach { sections throws(IndexError) in
            lengths += sections.lengths
            kinds += sections.kinds.map(SectionCodes.code(of:))
            dating.observe(sections)
        }
        let mentions = analysed.keys.sorted().flatMap { analysed[$0]!.analysis.meetingDates }
        let (meetingDates, corpusDated) = dating.dates(mentions: mentions)
        feed.meetingDates = meetingDates
        skipped.sort()
        guard !indexedFiles.isEmpty else {
            throw .emptyCorpus("no readable documents in \(corpus): \(skipped.map(\.description).joined(separator: ", "))")
        }
        // One file's postings at a time, from memory or its segment, each let go once merged.
        let merger = PostingsMerger(lengths: lengths, kinds: kinds, budget: memoryBudget, workFolder: workFolder)
        for (i, base) in zip(order, sectionBase) {
            let analysis = analysed[i]!.analysis
            let postings = try segments?.postings(of: analysis, fileID: files[i].id) ?? analysis.postings
            analysed[i]!.analysis.postings = .empty
            try merger.add(postings, sectionBase: base)
        }
        FreedMemory.giveBack()
        let merged = try merger.finish()
        let foldKeys = Self.foldKeys(merged.terms)
        let compoundParts = CompoundTable.build(terms: merged.terms, lexicon: lexicon)
        let metadata = IndexMetadata(
            formatVersion: IndexFormat.version,
            corpusPath: URL(fileURLWithPath: corpus).standardizedFileURL.path,
            builtAt: Date().timeIntervalSince1970, buildSeconds: 0, files: indexedFiles, skipped: unindexed, corpusDates: corpusDated,
            sectionCount: lengths.count, totalLength: lengths.reduce(0) { $0 + Int($1) },
            termCount: merged.terms.count, corpusBytes: corpusBytes, analysisFingerprint: fingerprint,
            acronyms: acronyms, acronymNameTerms: acronyms.mapValues { names in names.map { analyzer.analyze($0).map(\.text) } },
            outsideInputs: outsideInputs)
        let contents = IndexContents(metadata: metadata, sections: feed, terms: merged.terms,
                                     postings: merged.postings, postingsPages: merged.pages, foldKeys: foldKeys, compoundParts: compoundParts,
                                     repairs: repaired.repairTable(terms: merged.terms), spellings: repaired.spellingTable())
        var report = BuildReport(files: indexedFiles.count, sections: lengths.count, terms: merged.terms.count,
                                 corpusBytes: corpusBytes, indexBytes: 0, seconds: Date().timeIntervalSince(started),
                                 skipped: skipped, notes: notes)
        report.changes = previous.map { BuildReport.Changes(from: $0, to: indexedFiles, reused: analysed.values.filter(\.reused).count) }
        return (contents, report)
    }

    /// For each damaged file's analysis, whether the repairing chain decides every word it
    /// weighed as it was decided then (weighed on all cores; the chain's memo shares the work).
    /// An analysis that kept no decisions cannot tell, so it is analysed again.
    static func stillRepairedAlike(_ analyses: [FileAnalysis], repairing: Analyzer) -> [Bool] {
        guard !analyses.isEmpty else { return [] }
        let answers = Mutex([Bool](repeating: false, count: analyses.count))
        DispatchQueue.concurrentPerform(iterations: analyses.count) { i in
            let decisions = analyses[i].decisions
            let same = !decisions.isEmpty && decisions.allSatisfy { word, decided in
                repairing.repairDecision(for: word) == .some(decided)
            }
            answers.withLock { $0[i] = same }
        }
        return answers.withLock { $0 }
    }

    /// Bump when analysis or sectioning changes in a way the fingerprint's sample does not show.
    /// (19: files are decoded otherwise — UTF-16, invalid UTF-8 runs, stray controls — so the
    /// byte ranges of an older index may point into other text. 20: the compound table knew a
    /// modifier by its inflections; 21: no longer, as that cost one half of the development set.)
    static let rulesRevision = 21

    /// Changes whenever analysis or sectioning would index a sample package differently (or their
    /// settings or `rulesRevision` change), so an index built by older rules is rebuilt.
    public var fingerprint: String {
        let sample = """
            Saksfremlegg Møte 2/2025
            Sak 8/1/25 Bedre tilgang til og økt bruk av HELSEDATA
            Dato 24. februar 2025. HO21-rådet, KSF og NOU: høringssvaret, rådsmøtene, bærekraftige
            Forslag til vedtak: Rådet tar saken til orientering. 53.6.22 t.o.m. 2/2025 Ø Å Æ ß p& @ystein | R&D

            Årsrapport
            """
        var description = "format \(IndexFormat.version) rules \(Self.rulesRevision) \(sectioner) \(Decompounder()) \(CompoundTable.endings)|"
        for section in sectioner.sections(text: sample, documentID: "x-møte-2025-2.txt") {
            description += "\(section.firstLine)-\(section.lastLine) \(section.kind) \(section.caseID?.description ?? "") \(section.title ?? "") \(section.date ?? "")|"
            let text = sample.utf8Slice(section.byteRange)
            description += analyzer.analyze(text).map { "\($0.text)@\($0.position)" }.joined(separator: " ")
            if let title = TitleField.indexedTitle(of: section) { description += "|t:" + analyzer.analyze(title).map(\.text).joined(separator: " ") }
        }
        return String(ContentHash.of(Array(description.utf8)), radix: 16)
    }

    /// Consecutive runs of files of about `chunkBytes` each (a larger file is a run of its own).
    func chunkRanges(_ files: [CorpusFile]) -> [Range<Int>] {
        Self.runs(of: files.map(\.size), bytes: chunkBytes)
    }

    static func runs(of sizes: [Int], bytes limit: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (i, size) in sizes.enumerated() {
            bytes += size
            if bytes >= limit {
                ranges.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        return ranges
    }

    /// Runs `work` for each run (its files and bytes, for progress) on all cores; results in order.
    static func parallel(_ runs: [(files: Int, bytes: Int)], phase: BuildProgress.Phase,
                         progress: (@Sendable (BuildProgress) -> Void)?,
                         _ work: @Sendable @escaping (Int) -> ChunkIndexer.Result) -> [ChunkIndexer.Result] {
        let count = runs.count
        let results = Mutex<[Int: ChunkIndexer.Result]>([:])
        let done = Mutex(ProgressTally(phase: phase, runs: runs))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let result = work(i)
            results.withLock { $0[i] = result }
            let report = done.withLock { $0.finished(runs[i]) }
            progress?(report)
        }
        return results.withLock { all in (0..<count).map { all[$0]! } }
    }

    /// At most this many names per acronym.
    static let maximumAcronymNames = 3

    /// Each acronym's names, the most often defined first; names differing only in case are one.
    static func acronyms(_ parts: [[AcronymFinder.Definition: Int]]) -> [String: [String]] {
        var counts: [String: [String: (name: String, count: Int)]] = [:]
        for part in parts {
            for (definition, count) in part {
                let key = definition.longForm.lowercased()
                var names = counts[definition.acronym.lowercased(), default: [:]]
                names[key] = (min(names[key]?.name ?? definition.longForm, definition.longForm), (names[key]?.count ?? 0) + count)
                counts[definition.acronym.lowercased()] = names
            }
        }
        return counts.mapValues { names in
            names.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
                .prefix(maximumAcronymNames).map(\.name)
        }
    }

    /// Groups the terms whose spelling differs only in æ/ø/å (or their digraphs) under their
    /// fold key, leaving out terms that are their own key and alone in it.
    static func foldKeys(_ terms: [IndexContents.TermEntry]) -> [IndexContents.TermGroup] {
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
