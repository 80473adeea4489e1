import Foundation

/// A thesaurus in the MyThes format of LibreOffice's (Debian's `mythes-no`:
/// /usr/share/mythes/th_nb_NO_v2.dat): a first line naming the encoding, then per entry a line
/// `word|number of meanings` and that many lines `(part of speech)|synonym|synonym|…`.
///
/// Looked up by stem, so that a query word in any inflection ("legene") finds the entry of its
/// base form ("lege"); only one-word synonyms are kept, as written (the caller analyzes those it
/// uses: stemming all of them up front would cost every start what few queries need).
public struct Thesaurus: Sendable {
    /// Stem of a headword → its one-word synonyms, lower case, in the order the thesaurus gives.
    public let synonyms: [String: [String]]

    public static let systemPath = "/usr/share/mythes/th_nb_NO_v2.dat"

    /// The system thesaurus, read on first use; empty when it is not installed (it is optional).
    public static let system: Thesaurus = Thesaurus(path: systemPath) ?? Thesaurus(synonyms: [:])

    public init(synonyms: [String: [String]]) {
        self.synonyms = synonyms
    }

    /// Reads a MyThes file; nil when it cannot be read.
    public init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(data: data)
    }

    public init(data: Data) {
        let firstLine = String(decoding: data.prefix { $0 != 0x0A }, as: UTF8.self)
        let encoding = firstLine.trimmingCharacters(in: .whitespaces).uppercased()
        let isLatin1 = encoding.hasPrefix("ISO8859-1") || encoding.hasPrefix("ISO-8859-1")
        let text = (isLatin1 ? String(data: data, encoding: .isoLatin1) : nil) ?? String(decoding: data, as: UTF8.self)
        let stemmer = NorwegianStemFilter()
        var synonyms: [String: [String]] = [:]
        var lines = text.split(whereSeparator: \.isNewline).dropFirst().makeIterator()
        while let header = lines.next() {
            let fields = header.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 2, let meanings = Int(fields[1]), (0..<1000).contains(meanings) else { continue }
            let head = Self.word(fields[0])
            var found: [String] = []
            for _ in 0..<meanings {
                guard let line = lines.next() else { break }
                for field in line.split(separator: "|").dropFirst() {
                    if let w = Self.word(field), w != head, !found.contains(w) { found.append(w) }
                }
            }
            guard let head, !found.isEmpty else { continue }
            let key = stemmer.stem(head)
            var known = synonyms[key, default: []]
            known.append(contentsOf: found.filter { !known.contains($0) })
            synonyms[key] = known
        }
        self.synonyms = synonyms
    }

    /// A field that is one word (no spaces, no "(…)" or "a/b" alternatives), lower-cased.
    static func word(_ field: Substring) -> String? {
        let word = field.trimmingCharacters(in: .whitespaces).lowercased()
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        return word
    }

    /// The synonyms of a word as the analysis chain stems it ("legene" → "leg").
    public func synonyms(ofStem stem: String) -> [String] { synonyms[stem] ?? [] }

    public var isEmpty: Bool { synonyms.isEmpty }
}
