import CouncilDocuments

/// The metadata block in binary: every field of `IndexMetadata` in declaration order, strings as
/// UTF-8 with their length, dictionaries sorted by key (so that one corpus gives one file).
///
/// It was JSON, and decoding 29 KB of it at 100 MB of corpus was a fifth of opening the index
/// (1.7 ms, most of it the runtime instantiating `Codable` types on first use).
enum MetadataCodec {
    static func encode(_ m: IndexMetadata) -> [UInt8] {
        var out = ByteWriter()
        out.u32(m.formatVersion)
        out.string(m.corpusPath)
        out.double(m.builtAt)
        out.double(m.buildSeconds)
        list(m.files, &out) { out, file in
            stamp(&out, id: file.id, size: file.size, modified: file.modified)
            out.u64(file.contentHash)
            out.string(file.encoding.rawValue)
            out.u8(file.damaged ? 1 : 0)
        }
        list(m.skipped, &out) { out, file in stamp(&out, id: file.id, size: file.size, modified: file.modified) }
        list(m.corpusDates, &out) { out, date in
            out.string(date.meeting)
            out.int(date.file)
        }
        for n in [m.sectionCount, m.totalLength, m.termCount, m.corpusBytes] { out.int(n) }
        out.string(m.analysisFingerprint)
        list(m.acronyms.sorted { $0.key < $1.key }, &out) { out, entry in
            out.string(entry.key)
            list(entry.value, &out) { $0.string($1) }
        }
        list(m.acronymNameTerms.sorted { $0.key < $1.key }, &out) { out, entry in
            out.string(entry.key)
            list(entry.value, &out) { out, terms in list(terms, &out) { $0.string($1) } }
        }
        out.optionalString(m.outsideInputs)
        return out.bytes
    }

    /// What freshness compares of a corpus file, indexed or skipped.
    private static func stamp(_ out: inout ByteWriter, id: String, size: Int, modified: Double) {
        out.string(id)
        out.int(size)
        out.double(modified)
    }

    /// A count, then each element.
    private static func list<T>(_ items: [T], _ out: inout ByteWriter, _ element: (inout ByteWriter, T) -> Void) {
        out.int(items.count)
        for item in items { element(&out, item) }
    }

    static func decode(_ raw: UnsafeRawBufferPointer) throws(IndexError) -> IndexMetadata {
        var r = ByteReader(raw)
        let version = try r.u32()
        let corpusPath = try r.string()
        let builtAt = try r.double(), buildSeconds = try r.double()
        let files = try list(&r) { r throws(IndexError) in
            let id = try r.string(), size = try r.int(), modified = try r.double(), hash = try r.u64()
            guard let encoding = TextEncoding(rawValue: try r.string()) else { throw .corrupt("unreadable metadata") }
            var file = IndexedFile(id: id, size: size, modified: modified, contentHash: hash, encoding: encoding)
            file.damaged = try r.u8() != 0
            return file
        }
        let skipped = try list(&r) { r throws(IndexError) in
            SkippedFile(id: try r.string(), size: try r.int(), modified: try r.double())
        }
        let corpusDates = try list(&r) { r throws(IndexError) in
            CorpusDate(meeting: try r.string(), file: try r.int())
        }
        let sectionCount = try r.int(), totalLength = try r.int(), termCount = try r.int(), corpusBytes = try r.int()
        var metadata = IndexMetadata(
            formatVersion: version, corpusPath: corpusPath, builtAt: builtAt, buildSeconds: buildSeconds,
            files: files, skipped: skipped, corpusDates: corpusDates, sectionCount: sectionCount,
            totalLength: totalLength, termCount: termCount, corpusBytes: corpusBytes,
            analysisFingerprint: try r.string())
        for _ in 0..<(try count(&r)) {
            let acronym = try r.string()
            metadata.acronyms[acronym] = try list(&r) { r throws(IndexError) in try r.string() }
        }
        for _ in 0..<(try count(&r)) {
            let acronym = try r.string()
            metadata.acronymNameTerms[acronym] = try list(&r) { r throws(IndexError) in
                try list(&r) { r throws(IndexError) in try r.string() }
            }
        }
        metadata.outsideInputs = try r.optionalString()
        guard r.isAtEnd else { throw .corrupt("unreadable metadata") }
        return metadata
    }

    /// A count, at most the bytes left (every element takes at least one): a damaged count fails
    /// here instead of looping for billions of elements.
    private static func count(_ r: inout ByteReader) throws(IndexError) -> Int {
        let n = try r.int()
        guard n >= 0, n <= r.base.count - r.offset else { throw .corrupt("unreadable metadata") }
        return n
    }

    private static func list<T>(_ r: inout ByteReader,
                                _ element: (inout ByteReader) throws(IndexError) -> T) throws(IndexError) -> [T] {
        var result: [T] = []
        for _ in 0..<(try count(&r)) { result.append(try element(&r)) }
        return result
    }
}
