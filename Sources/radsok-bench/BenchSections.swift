import CouncilDocuments

/// The sections every peer indexes: each corpus file read as Rådsøk reads it (`DocumentReader`)
/// and cut by Rådsøk's `Sectioner`, as UTF-8 bytes in corpus order. FTS5 inserts them and the
/// Tantivy export writes them out, so no peer sees other sections than another.
struct BenchSections: Sequence {
    let files: [CorpusFile]

    init(corpus: String) throws {
        files = try CorpusScanner.files(in: corpus)
    }

    func makeIterator() -> Iterator { Iterator(files: files[...]) }

    /// Reads one file at a time, so a large corpus is never held whole. A file that cannot be
    /// read is left out, as Rådsøk's index builder leaves it out.
    struct Iterator: IteratorProtocol {
        var files: ArraySlice<CorpusFile>
        private let sectioner = Sectioner()
        private var bytes: [UInt8] = []
        private var ranges: [Range<Int>] = []
        private var position = 0

        init(files: ArraySlice<CorpusFile>) { self.files = files }

        mutating func next() -> ArraySlice<UInt8>? {
            while position == ranges.count {
                guard let file = files.popFirst() else { return nil }
                guard let document = try? DocumentReader.read(path: file.path, id: file.id) else { continue }
                bytes = Array(document.text.utf8)
                ranges = sectioner.sections(of: document).map { $0.byteRange.clamped(to: 0..<bytes.count) }
                position = 0
            }
            defer { position += 1 }
            return bytes[ranges[position]]
        }
    }
}
