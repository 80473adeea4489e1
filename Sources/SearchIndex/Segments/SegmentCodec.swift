import CouncilDocuments
import NorwegianText

/// The bytes of a segment file: one `FileAnalysis`, little-endian, varints for counts.
///
///     "RADSOKSG" · codec version u32 · body checksum u64 · body
///     body: fingerprint · file id · offsets of the sections and of the terms in the body u64 ·
///           content hash ·
///           reading, encoding, byte count ·
///           meeting dates · words · acronyms · repairs · decisions · lexicon digest ·
///           sections · terms (text, df, first and last section, docs and positions lengths) ·
///           docs bytes · positions bytes
///
/// The fingerprint and the file id are inside the checksummed body, so a segment made by other
/// analysis rules, or for another file with the same bytes, is never taken for this one.
enum SegmentCodec {
    static let magic: [UInt8] = Array("RADSOKSG".utf8)
    static let version: UInt32 = 4

    /// What `decode` reads of a segment.
    enum Parts {
        case all
        /// All but the sections and postings, the bulk of a segment (left empty; their count is read).
        case summary
        /// Only the sections (the rest is left as `FileAnalysis.init` has it).
        case sections
        /// Only the postings (likewise).
        case postings
    }

    static func encode(_ analysis: FileAnalysis, fileID: String, fingerprint: String) -> [UInt8] {
        var body = ByteWriter()
        body.string(fingerprint)
        body.string(fileID)
        let sectionsOffset = body.bytes.count
        body.u64(0)
        let postingsOffset = body.bytes.count
        body.u64(0)
        body.u64(analysis.contentHash)
        body.u8(analysis.reading.rawValue)
        body.string(analysis.encoding.rawValue)
        body.u64(UInt64(analysis.byteCount))
        body.varint(UInt32(analysis.meetingDates.count))
        for (meeting, date) in analysis.meetingDates {
            body.string(meeting)
            body.string(date)
        }
        body.varint(UInt32(analysis.words.count))
        for (word, count) in analysis.words.sorted(by: { $0.key < $1.key }) {
            body.string(word)
            body.varint(UInt32(count))
        }
        body.varint(UInt32(analysis.acronyms.count))
        for (definition, count) in analysis.acronyms.sorted(by: { ($0.key.acronym, $0.key.longForm) < ($1.key.acronym, $1.key.longForm) }) {
            body.string(definition.acronym)
            body.string(definition.longForm)
            body.varint(UInt32(count))
        }
        body.varint(UInt32(analysis.repairs.count))
        for (written, repaired) in analysis.repairs.sorted(by: { $0.key < $1.key }) {
            body.string(written)
            body.varint(UInt32(repaired.count))
            for word in repaired.sorted() { body.string(word) }
        }
        body.varint(UInt32(analysis.decisions.count))
        for (word, decision) in analysis.decisions.sorted(by: { $0.key < $1.key }) {
            body.string(word)
            body.optionalString(decision)
        }
        body.u64(analysis.lexiconDigest)
        let sectionsStart = UInt64(body.bytes.count)
        body.bytes.withUnsafeMutableBytes {
            $0.storeBytes(of: sectionsStart.littleEndian, toByteOffset: sectionsOffset, as: UInt64.self)
        }
        body.varint(UInt32(analysis.sections.count))
        for record in analysis.sections { body.section(record) }
        let postings = analysis.postings
        let offset = UInt64(body.bytes.count)
        body.bytes.withUnsafeMutableBytes { $0.storeBytes(of: offset.littleEndian, toByteOffset: postingsOffset, as: UInt64.self) }
        body.varint(UInt32(postings.terms.count))
        for t in postings.terms.indices {
            body.string(postings.terms[t])
            body.varint(postings.documentFrequency[t])
            body.varint(postings.firstSection[t])
            body.varint(postings.lastSection[t])
            body.varint(UInt32(postings.docsRange[t].count))
            body.varint(UInt32(postings.positionsRange[t].count))
        }
        body.u64(UInt64(postings.docs.count))
        body.append(postings.docs)
        body.u64(UInt64(postings.positions.count))
        body.append(postings.positions)

        var out = ByteWriter()
        out.append(magic)
        out.u32(version)
        out.u64(ContentHash.of(body.bytes))
        out.append(body.bytes)
        return out.bytes
    }

    /// The analysis in `bytes`, or nil when they are not a sound segment of this file made by
    /// these rules (damaged, truncated, another version, another file, other rules).
    static func decode(_ bytes: UnsafeRawBufferPointer, fileID: String, fingerprint: String,
                       parts: Parts = .all) -> FileAnalysis? {
        let header = magic.count + 12
        guard bytes.count >= header, magic.elementsEqual(bytes.prefix(magic.count)) else { return nil }
        var reader = ByteReader(bytes, offset: magic.count)
        guard (try? reader.u32()) == version, let checksum = try? reader.u64(),
              ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[header...])) == checksum else { return nil }
        return try? decodeBody(&reader, fileID: fileID, fingerprint: fingerprint, parts: parts)
    }

    private static func decodeBody(_ r: inout ByteReader, fileID: String, fingerprint: String,
                                   parts: Parts) throws(IndexError) -> FileAnalysis? {
        let body = r.offset
        guard try r.string() == fingerprint, try r.string() == fileID else { return nil }
        let sectionsOffset = Int(truncatingIfNeeded: try r.u64())
        let postingsOffset = Int(truncatingIfNeeded: try r.u64())
        let contentHash = try r.u64()
        guard let reading = FileAnalysis.Reading(rawValue: try r.u8()),
              let encoding = TextEncoding(rawValue: try r.string()) else { return nil }
        let byteCount = Int(try r.u64())
        var analysis = FileAnalysis(reading: reading, encoding: encoding, contentHash: contentHash, byteCount: byteCount)
        guard (0...(r.base.count - body)).contains(sectionsOffset), (sectionsOffset...(r.base.count - body)).contains(postingsOffset)
        else { return nil }
        if parts == .postings {
            r.offset = body + postingsOffset
            analysis.postings = try r.postings()
            return analysis
        }
        if parts == .sections {
            r.offset = body + sectionsOffset
            try r.sections(into: &analysis.sections)
            return r.offset == body + postingsOffset ? analysis : nil
        }
        for _ in 0..<(try r.varint()) { analysis.meetingDates.append((try r.string(), try r.string())) }
        let wordCount = Int(try r.varint())
        analysis.words.reserveCapacity(wordCount)
        for _ in 0..<wordCount { analysis.words[try r.string()] = Int(try r.varint()) }
        for _ in 0..<(try r.varint()) {
            let definition = AcronymFinder.Definition(acronym: try r.string(), longForm: try r.string())
            analysis.acronyms[definition] = Int(try r.varint())
        }
        for _ in 0..<(try r.varint()) {
            let written = try r.string()
            var repaired: Set<String> = []
            for _ in 0..<(try r.varint()) { repaired.insert(try r.string()) }
            analysis.repairs[written] = repaired
        }
        let decisionCount = Int(try r.varint())
        analysis.decisions.reserveCapacity(decisionCount)
        for _ in 0..<decisionCount {
            let word = try r.string()
            analysis.decisions[word] = .some(try r.optionalString())
        }
        analysis.lexiconDigest = try r.u64()
        guard r.offset == body + sectionsOffset else { return nil }
        if parts == .summary {
            analysis.sectionsLeft = Int(try r.varint())
            return analysis
        }
        try r.sections(into: &analysis.sections)
        guard r.offset == body + postingsOffset else { return nil }
        analysis.postings = try r.postings()
        return analysis
    }
}

extension ByteWriter {
    mutating func section(_ record: SectionRecord) {
        let s = record.section
        for n in [s.firstLine, s.lastLine, s.byteRange.lowerBound, s.byteRange.upperBound, record.length] {
            u64(UInt64(n))
        }
        u8(UInt8(SectionKind.allCases.firstIndex(of: s.kind)!))
        optionalCase(s.caseID)
        optionalString(s.title)
        optionalString(s.titleAsWritten)
        optionalString(s.meeting)
        optionalString(s.date)
        u8(s.isContinuation ? 1 : 0)
        varint(UInt32(s.year ?? 0))
        varint(UInt32(s.references.count))
        for reference in s.references { optionalCase(reference) }
    }

    mutating func optionalCase(_ caseID: CaseID?) {
        u8(caseID == nil ? 0 : 1)
        guard let caseID else { return }
        varint(UInt32(caseID.number))
        varint(UInt32(caseID.meetingNumber))
        varint(UInt32(caseID.year))
    }
}

extension ByteReader {
    /// A count and that many sections.
    mutating func sections(into sections: inout PackedSections) throws(IndexError) {
        let count = Int(try varint())
        // A section takes more than a byte: a count past the bytes left is not believed.
        sections.reserveCapacity(min(count, base.count - offset))
        for _ in 0..<count { sections.append(try section()) }
    }

    mutating func section() throws(IndexError) -> SectionRecord {
        var numbers: [Int] = []
        for _ in 0..<5 { numbers.append(Int(truncatingIfNeeded: try u64())) }
        guard numbers[2] <= numbers[3] else { throw .corrupt("section byte range") }
        let kindCode = Int(try u8())
        guard kindCode < SectionKind.allCases.count else { throw .corrupt("section kind") }
        var section = Section(firstLine: numbers[0], lastLine: numbers[1], byteRange: numbers[2]..<numbers[3],
                              kind: SectionKind.allCases[kindCode], caseID: try optionalCase())
        section.title = try optionalString()
        section.titleAsWritten = try optionalString()
        section.meeting = try optionalString()
        section.date = try optionalString()
        section.isContinuation = try u8() != 0
        let year = Int(try varint())
        section.year = year == 0 ? nil : year
        for _ in 0..<(try varint()) {
            guard let reference = try optionalCase() else { throw .corrupt("section reference") }
            section.references.append(reference)
        }
        return SectionRecord(fileIndex: 0, section: section, length: numbers[4])
    }

    mutating func optionalCase() throws(IndexError) -> CaseID? {
        guard try u8() != 0 else { return nil }
        return CaseID(number: Int(try varint()), meetingNumber: Int(try varint()), year: Int(try varint()))
    }

    mutating func postings() throws(IndexError) -> PostingsAccumulator.Encoded {
        let termCount = Int(try varint())
        var encoded = PostingsAccumulator.Encoded.empty
        encoded.terms.reserveCapacity(termCount)
        var docsLengths: [Int] = [], positionsLengths: [Int] = []
        for _ in 0..<termCount {
            encoded.terms.append(try string())
            encoded.documentFrequency.append(try varint())
            encoded.firstSection.append(try varint())
            encoded.lastSection.append(try varint())
            docsLengths.append(Int(try varint()))
            positionsLengths.append(Int(try varint()))
        }
        encoded.docs = Array(try bytes(Int(truncatingIfNeeded: try u64())))
        encoded.positions = Array(try bytes(Int(truncatingIfNeeded: try u64())))
        encoded.docsRange = Self.ranges(docsLengths, total: encoded.docs.count)
        encoded.positionsRange = Self.ranges(positionsLengths, total: encoded.positions.count)
        guard encoded.docsRange.count == termCount, encoded.positionsRange.count == termCount else {
            throw .corrupt("segment postings lengths")
        }
        return encoded
    }

    /// Consecutive ranges of the given lengths, or none when they overrun `total`.
    private static func ranges(_ lengths: [Int], total: Int) -> [Range<Int>] {
        var start = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lengths.count)
        for length in lengths {
            guard start + length <= total else { return [] }
            ranges.append(start..<(start + length))
            start += length
        }
        return start == total ? ranges : []
    }
}
