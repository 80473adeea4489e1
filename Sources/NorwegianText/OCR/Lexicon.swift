import Foundation

/// What real Norwegian words look like, and how common each is: P(original) of the noisy
/// channel.
///
/// Counts come from the corpus's own clean text (the council's vocabulary, names and
/// abbreviations included); a system word list (Debian's wnorwegian, when installed) adds the
/// forms the corpus never uses, with a small pseudo-count; a word that is neither but whose stem
/// the corpus uses (an unseen inflection) counts a little too.
public struct Lexicon: Sendable {
    public private(set) var counts: [String: Int] = [:]
    /// `counts` by the hash of each word's UTF-8, for lookups of byte slices (compound parts)
    /// without building strings.
    private var countsByHash: [UInt64: Int] = [:]
    public private(set) var stems: Set<String> = []
    /// Word-list membership as 64-bit hashes of the words' UTF-8: loading 935,000 words as a set
    /// of strings costs a second; this costs a tenth of that, and a false hit is one in 2^64.
    public private(set) var wordList: Set<UInt64> = []
    private let stemFilter = NorwegianStemFilter()

    /// Weight of a word known only from the word list, only by its stem, or only as a compound
    /// of two known words.
    public var wordListCount = 0.2
    public var stemCount = 0.1
    public var compoundCount = 0.05

    public init() {}

    public static let systemWordListPath = "/usr/share/dict/bokmaal"

    /// Adds the words of a clean text.
    public mutating func addText(_ text: String) {
        addWords(ICUWordTokenizer().tokenize(text))
    }

    /// Adds the words among tokens from `ICUWordTokenizer` (codes and numbers are not words).
    public mutating func addWords(_ tokens: [Token]) {
        for token in tokens where !token.flags.contains(.hasDigit) {
            counts[token.text, default: 0] += 1
        }
    }

    /// Adds word counts kept from other documents (a segment's).
    public mutating func merge(counts other: [String: Int]) {
        counts.merge(other, uniquingKeysWith: +)
    }

    /// Adds the counts of a lexicon built from other documents.
    public mutating func merge(_ other: Lexicon) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// Reads a word list (one word per line, ISO-8859-1 like Debian's, or UTF-8), in small letters;
    /// returns false when there is none.
    @discardableResult
    public mutating func addWordList(path: String = Lexicon.systemWordListPath) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        // Each word hashed as it is read, its bytes never gathered: the list is 935,000 words
        // (12.9 MB), read at every build and update, and an array per word was half of reading it
        // (849 → 464 M instructions).
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
            wordList.reserveCapacity(wordList.count + bytes.count / 12)
            var h = Self.fnvBasis
            var empty = true
            // After a UTF-8 lead byte C3: the next byte is a Latin-1 letter's, capital if 80–9E.
            var afterC3 = false
            for byte in bytes {
                if byte == 0x0A || byte == 0x0D {
                    if !empty { wordList.insert(h) }
                    (h, empty, afterC3) = (Self.fnvBasis, true, false)
                    continue
                }
                empty = false
                let wasAfterC3 = afterC3
                afterC3 = isUTF8 && byte == 0xC3
                switch byte {
                case 0x41...0x5A:
                    h = Self.fnv(h, byte | 0x20)
                case 0x80...0x9E where wasAfterC3 && byte != 0x97:
                    // À–Þ (but ×) in UTF-8, lowercased as in Latin-1.
                    h = Self.fnv(h, byte + 0x20)
                case 0x80...0xFF where !isUTF8:
                    // Latin-1 to UTF-8, with its capitals (À–Þ but ×) lowercased.
                    let lower = (0xC0...0xDE).contains(byte) && byte != 0xD7 ? byte + 0x20 : byte
                    h = Self.fnv(Self.fnv(h, 0xC0 | (lower >> 6)), 0x80 | (lower & 0x3F))
                default:
                    h = Self.fnv(h, byte)
                }
            }
            if !empty { wordList.insert(h) }
        }
        return true
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(fnvBasis, fnv) }

    static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One byte into an FNV-1a hash.
    @inline(__always)
    static func fnv(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    func inWordList(_ word: String) -> Bool {
        !wordList.isEmpty && wordList.contains(Self.hash(word.utf8))
    }

    /// Call once all words are in: prepares the stem lookup.
    public mutating func finish() {
        stems = Set(counts.keys.map(stemFilter.stem))
        countsByHash = Dictionary(counts.map { (Self.hash($0.key.utf8), $0.value) }, uniquingKeysWith: +)
    }

    /// `frequency` of a word given as UTF-8 bytes, by hash (after `finish`).
    func frequency(bytes: ArraySlice<UInt8>) -> Double {
        let h = Self.hash(bytes)
        if let n = countsByHash[h] { return Double(n) }
        return wordList.contains(h) ? wordListCount : 0
    }

    /// How many times the clean corpus used the word, or the word list's pseudo-count.
    public func frequency(_ word: String) -> Double {
        if let n = counts[word] { return Double(n) }
        if inWordList(word) { return wordListCount }
        return 0
    }

    /// Whether the corpus's clean text uses the word (not only the word list).
    public func isCorpusWord(_ word: String) -> Bool { counts[word] != nil }

    /// `frequency`, widened for a candidate original: an unseen inflection of a corpus word, or a
    /// compound of two known words (with the linking s or e), counts a little.
    public func candidateFrequency(_ word: String) -> Double {
        let direct = frequency(word)
        if direct > 0 { return direct }
        if !stems.isEmpty, stems.contains(stemFilter.stem(word)) { return stemCount }
        return compoundFrequency(word)
    }

    /// For a word that splits into known words (three letters or more, the last four or more) (the first perhaps
    /// followed by a linking s or e: "rådsregi" = råd + s + regi; up to three parts), a
    /// pseudo-count that grows with how common its parts are; 0 otherwise.
    public func compoundFrequency(_ word: String, parts: Int = 3) -> Double {
        compoundFrequency(bytes: Array(word.utf8)[...], parts: parts)
    }

    /// Works on UTF-8 bytes and hashes, building no strings: it is asked of many candidates.
    /// Splits fall on letter boundaries (never inside a multi-byte letter).
    func compoundFrequency(bytes: ArraySlice<UInt8>, parts: Int) -> Double {
        guard bytes.count >= 7, parts >= 2 else { return 0 }
        let start = bytes.startIndex
        var best = 0.0
        for split in (start + 3)...(bytes.endIndex - 4) where bytes[split] & 0xC0 != 0x80 {
            let head = bytes[start..<split]
            var headFrequency = frequency(bytes: head)
            if headFrequency == 0, head.count > 3, let link = head.last, link == UInt8(ascii: "s") || link == UInt8(ascii: "e") {
                headFrequency = frequency(bytes: head.dropLast())
            }
            guard headFrequency > 0 else { continue }
            let tail = bytes[split...]
            var tailFrequency = frequency(bytes: tail)
            if tailFrequency == 0, parts > 2, tail.count >= 7 { tailFrequency = compoundFrequency(bytes: tail, parts: parts - 1) / compoundCount }
            guard tailFrequency > 0 else { continue }
            best = max(best, compoundCount * (min(headFrequency, 20) * min(tailFrequency, 20)).squareRoot())
        }
        return best
    }

    public var isEmpty: Bool { counts.isEmpty && wordList.isEmpty }
}
