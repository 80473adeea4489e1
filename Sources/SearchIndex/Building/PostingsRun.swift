import CouncilDocuments
import Foundation

/// A run: the postings of consecutive files, term by term in byte order, with section numbers
/// of the whole index. The merge makes a run whenever the files it holds reach its budget, and
/// joins the runs at the end (as Lucene flushes segments and merges them), so no more than a
/// budget's worth of files' postings is ever held at once.
///
/// Layout, a record per term: varint text length · varint docs length · varint positions length ·
/// text · docs (varint section delta from the previous, the first from 0; varint frequency) ·
/// positions (as the files had them).
enum PostingsRun {
    /// The run of `parts`, each a file's postings whose sections count from `base`: the parts'
    /// sections follow each other, so each term's postings are the parts' pieces in order.
    ///
    /// Each distinct term gets a number once; the pieces of every term are then grouped by a
    /// counting sort over those numbers in part order, so no array is made per term and only
    /// the distinct terms are sorted by bytes.
    static func make(_ parts: [(postings: PostingsAccumulator.Encoded, base: UInt32)]) -> [UInt8] {
        var whole: [UInt8] = []
        whole.reserveCapacity(parts.reduce(0) { $0 + $1.postings.docs.count + $1.postings.positions.count } / 20 * 21)
        write(parts, chunkBytes: .max) { whole.append(contentsOf: $0) }
        return whole
    }

    /// The run of `parts` handed to `emit` a chunk of about `chunkBytes` at a time (whole records),
    /// so that a run written to a file is never all in memory beside the parts it is made of.
    static func write<E: Error>(_ parts: [(postings: PostingsAccumulator.Encoded, base: UInt32)], chunkBytes: Int,
                                to emit: ([UInt8]) throws(E) -> Void) throws(E) {
        var ids: [String: Int32] = [:]
        var texts: [String] = []
        var pieceTerm: [Int32] = []
        var piecePart: [Int32] = []
        var pieceLocal: [Int32] = []
        for (p, part) in parts.enumerated() {
            for (local, term) in part.postings.terms.enumerated() {
                let id: Int32
                if let known = ids[term] {
                    id = known
                } else {
                    id = Int32(texts.count)
                    ids[term] = id
                    texts.append(term)
                }
                pieceTerm.append(id)
                piecePart.append(Int32(p))
                pieceLocal.append(Int32(local))
            }
        }
        ids = [:]
        var start = [Int](repeating: 0, count: texts.count + 1)
        for t in pieceTerm { start[Int(t) + 1] += 1 }
        for i in 0..<texts.count { start[i + 1] += start[i] }
        var fill = start
        var grouped = [Int32](repeating: 0, count: pieceTerm.count)
        for (i, t) in pieceTerm.enumerated() {
            grouped[fill[Int(t)]] = Int32(i)
            fill[Int(t)] += 1
        }
        let utf8 = texts.map { Array($0.utf8) }
        texts = []
        let order = utf8.indices.sorted { utf8[$0].lexicographicallyPrecedes(utf8[$1]) }

        var out = ByteWriter()
        var docs = ByteWriter()
        for term in order {
            let pieces = grouped[start[term]..<start[term + 1]]
            docs.bytes.removeAll(keepingCapacity: true)
            var previous: UInt32 = 0
            var positionsLength = 0
            for piece in pieces {
                let (p, local) = (Int(piecePart[Int(piece)]), Int(pieceLocal[Int(piece)]))
                let part = parts[p].postings
                let range = part.docsRange[local]
                // A part's first delta is its absolute first section, counted from the part's start.
                var section = parts[p].base
                part.docs.withUnsafeBufferPointer { bytes in
                    var offset = range.lowerBound
                    while offset < range.upperBound {
                        section &+= decodeVarint(bytes.baseAddress!, &offset)
                        docs.varint(section &- previous)
                        docs.varint(decodeVarint(bytes.baseAddress!, &offset))
                        previous = section
                    }
                }
                positionsLength += part.positionsRange[local].count
            }
            out.varint(UInt32(utf8[term].count))
            out.varint(UInt32(docs.bytes.count))
            out.varint(UInt32(positionsLength))
            out.append(utf8[term])
            out.append(docs.bytes)
            for piece in pieces {
                let part = parts[Int(piecePart[Int(piece)])].postings
                let range = part.positionsRange[Int(pieceLocal[Int(piece)])]
                part.positions.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[range])) }
            }
            if out.bytes.count >= chunkBytes {
                try emit(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { try emit(out.bytes) }
    }
}

/// Reads a run term by term, from memory or from its file through a buffer that grows to the
/// largest record (the postings of the commonest word of the run).
///
/// A class because it owns the file descriptor, which `deinit` closes.
final class PostingsRunReader {
    private var buffer: [UInt8]
    /// Where the unread bytes start and end in `buffer`.
    private var start = 0
    private var end: Int
    private let fd: Int32
    private let name: String
    /// The current term; nil at the end of the run.
    private(set) var text: [UInt8]?
    /// The current term's docs and positions in `buffer`, valid until `advance`.
    private(set) var docs: Range<Int> = 0..<0
    private(set) var positions: Range<Int> = 0..<0

    init(bytes: [UInt8]) throws(IndexError) {
        buffer = bytes
        end = bytes.count
        fd = -1
        name = "postings run"
        try advance()
    }

    /// - Parameter bufferBytes: what is read at a time (the buffer grows past it for a larger record).
    init(path: String, bufferBytes: Int = 1 << 20) throws(IndexError) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
        buffer = [UInt8](repeating: 0, count: max(1, bufferBytes))
        end = 0
        name = path
        try advance()
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func withBuffer<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        buffer.withUnsafeBytes(body)
    }

    /// Moves to the next term (or the end).
    func advance() throws(IndexError) {
        start = positions.upperBound > start ? positions.upperBound : start
        guard try available(1) else {
            text = nil
            return
        }
        // Three varints of at most five bytes each, or what is left of a shorter last record.
        _ = try available(15)
        let parsed = buffer.withUnsafeBytes { raw -> (header: Int, lengths: [Int])? in
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            guard let text = try? reader.varint(), let docs = try? reader.varint(), let positions = try? reader.varint()
            else { return nil }
            return (reader.offset, [Int(text), Int(docs), Int(positions)])
        }
        guard let (header, lengths) = parsed else { throw .io("\(name) is damaged") }
        guard try available(header + lengths.reduce(0, +)) else { throw .io("\(name) is cut short") }
        let textStart = start + header
        text = Array(buffer[textStart..<(textStart + lengths[0])])
        docs = (textStart + lengths[0])..<(textStart + lengths[0] + lengths[1])
        positions = docs.upperBound..<(docs.upperBound + lengths[2])
    }

    /// Whether `count` bytes from `start` are in the buffer, reading more of the file (and
    /// moving what is unread to the front, or growing the buffer) as needed.
    private func available(_ count: Int) throws(IndexError) -> Bool {
        if end - start >= count { return true }
        guard fd >= 0 else { return false }
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: end - start)
            }
            (end, start) = (end - start, 0)
            docs = 0..<0
            positions = 0..<0
        }
        if buffer.count < count { buffer.append(contentsOf: [UInt8](repeating: 0, count: count - buffer.count)) }
        while end < count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw .io("cannot read \(name): \(String(cString: strerror(errno)))") }
            if n == 0 { return false }
            end += n
        }
        return true
    }
}
