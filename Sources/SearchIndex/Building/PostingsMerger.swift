import Foundation

/// Joins the postings of the indexed files, given one after another in index order, into one
/// sorted term dictionary and one postings block, holding no more than a budget of postings at
/// once: whenever the files given reach half the budget they become a run (`PostingsRun`),
/// written to the index folder, and `finish` joins the runs term by term into a `PostingsSink`,
/// which spills to disk too. With room for everything it is one run in memory.
///
/// A class because it owns the runs' temporary files, which `deinit` removes.
final class PostingsMerger {
    private let lengths: [UInt32]
    private let kinds: [UInt8]
    private let budget: Int
    private let workFolder: String?
    private var waiting: [(postings: PostingsAccumulator.Encoded, base: UInt32)] = []
    private var waitingBytes = 0
    private var runFiles: [String] = []
    /// Bytes written to the runs so far.
    private var runBytes = 0

    /// - Parameters:
    ///   - lengths: every section's length, and `kinds` their codes (for the block bounds);
    ///   - budget: about the bytes of postings held at once;
    ///   - workFolder: where runs and spilled postings go (nil: all of it stays in memory).
    init(lengths: [UInt32], kinds: [UInt8], budget: Int, workFolder: String?) {
        self.lengths = lengths
        self.kinds = kinds
        self.budget = budget
        self.workFolder = workFolder
    }

    deinit {
        for path in runFiles { unlink(path) }
    }

    /// Adds the next file's postings, whose sections count from `sectionBase`.
    func add(_ postings: PostingsAccumulator.Encoded, sectionBase: UInt32) throws(IndexError) {
        // A term's text costs about its String's 16 bytes and a heap block besides.
        waitingBytes += postings.docs.count + postings.positions.count + postings.terms.count * 48
        waiting.append((postings, sectionBase))
        if workFolder != nil, waitingBytes >= budget / 2 { try writeRun() }
    }

    /// Writes the files waiting as a run, a megabyte at a time, and lets them go.
    private func writeRun() throws(IndexError) {
        guard let workFolder else { return }
        let path = (workFolder as NSString)
            .appendingPathComponent(IndexWriter.temporaryName(pid: getpid(), part: "run\(runFiles.count)"))
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
        runFiles.append(path)
        defer { close(fd) }
        try PostingsRun.write(waiting, chunkBytes: 1 << 20) { (chunk: [UInt8]) throws(IndexError) in
            guard IndexWriter.writeAll(chunk, to: fd) else {
                throw .io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            runBytes += chunk.count
        }
        waiting = []
        waitingBytes = 0
    }

    /// The term dictionary and the postings block with its page table. A postings block that
    /// went to a file is the caller's to remove once the index is written.
    func finish() throws(IndexError) -> (terms: [IndexContents.TermEntry], postings: BlockBytes, pages: [UInt8]) {
        // Beside runs on disk the last files go to disk too, so the join holds buffers, not postings.
        if !runFiles.isEmpty && !waiting.isEmpty { try writeRun() }
        var readers: [PostingsRunReader] = []
        for path in runFiles { readers.append(try PostingsRunReader(path: path)) }
        // Open files stay readable once unlinked: the disk they take is freed as soon as they are read.
        for path in runFiles { unlink(path) }
        runFiles = []
        if !waiting.isEmpty || readers.isEmpty {
            let run = PostingsRun.make(waiting)
            waiting = []
            readers.append(try PostingsRunReader(bytes: run))
        }
        let spill = workFolder.map {
            ($0 as NSString).appendingPathComponent(IndexWriter.temporaryName(pid: getpid(), part: "postings"))
        }
        // Postings that went to runs go to the file from the first byte: held up to half the
        // budget first, they would only add that half to the build's peak.
        let sink = PostingsSink(spillPath: spill, spillBytes: runBytes > 0 ? 0 : budget / 2)

        // As `IndexReader` will see them, so that each block's bound is one of its postings' scores.
        let total = lengths.reduce(0) { $0 + Int($1) }
        let average = lengths.isEmpty ? 1 : max(1, Double(total) / Double(lengths.count))
        let norms = BlockBounds.bm25.lengthNorms(lengths, averageLength: average)
        let classes = kinds.map { UInt8(BlockBounds.codeClass[Int($0)]) }
        var entries: [IndexContents.TermEntry] = []
        var sections: [UInt32] = []
        var frequencies: [UInt32] = []
        var term = ByteWriter()
        var holders: [Int] = []
        while true {
            var smallest: [UInt8]?
            for reader in readers {
                guard let text = reader.text else { continue }
                if smallest.map({ text.lexicographicallyPrecedes($0) }) ?? true { smallest = text }
            }
            guard let text = smallest else { break }
            holders.removeAll(keepingCapacity: true)
            sections.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            term.bytes.removeAll(keepingCapacity: true)
            for (i, reader) in readers.enumerated() where reader.text == text {
                holders.append(i)
                let sound = reader.withBuffer { raw in
                    var docs = ByteReader(UnsafeRawBufferPointer(rebasing: raw[reader.docs]))
                    var section: UInt32 = 0
                    while !docs.isAtEnd {
                        guard let delta = try? docs.varint(), let frequency = try? docs.varint() else { return false }
                        section &+= delta
                        sections.append(section)
                        frequencies.append(frequency)
                    }
                    return true
                }
                guard sound else { throw .io("a postings run of this build is damaged") }
            }
            sections.withUnsafeBufferPointer { s in
                frequencies.withUnsafeBufferPointer { DocBlocks.append(sections: s, frequencies: $0, to: &term) }
            }
            let docsLength = term.bytes.count
            for i in holders {
                let reader = readers[i]
                reader.withBuffer { raw in term.bytes.append(contentsOf: raw[reader.positions]) }
            }
            PositionSkips.append(to: &term, docsStart: 0, positionsStart: docsLength, count: sections.count,
                                 lengths: lengths, norms: norms, classes: classes)
            entries.append(IndexContents.TermEntry(
                text: text, documentFrequency: UInt32(sections.count), docsOffset: UInt64(sink.count),
                docsLength: UInt32(docsLength), positionsLength: UInt32(term.bytes.count - docsLength)))
            try sink.append(term.bytes)
            for i in holders { try readers[i].advance() }
        }
        let (postings, pages) = try sink.finish()
        return (entries, postings, pages)
    }
}
