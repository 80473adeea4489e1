import CouncilDocuments
import Foundation

/// One benchmark query, written for each engine's syntax.
struct BenchQuery: Sendable, Codable {
    enum Kind: String, Sendable, CaseIterable, Codable {
        case words, phrase, prefix
    }

    let kind: Kind
    let words: [String]

    /// Rådsøk's query language.
    var radsokText: String {
        switch kind {
        case .words: words.joined(separator: " ")
        case .phrase: "\"" + words.joined(separator: " ") + "\""
        case .prefix: words[0] + "*"
        }
    }

    /// FTS5's MATCH syntax: an OR of the words (FTS5 has no soft AND), a phrase, a prefix.
    var fts5Match: String {
        let quoted = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        switch kind {
        case .words: return quoted.joined(separator: " OR ")
        case .phrase: return "\"" + words.joined(separator: " ") + "\""
        case .prefix: return quoted[0] + "*"
        }
    }
}

/// A fixed mixed set of queries drawn with a fixed seed from the words of the corpus that the
/// generator reads (so both engines see the same queries every run): queries of one to four
/// words, phrases of two or three consecutive words, and prefixes of four or five letters.
enum QuerySet {
    static func make(source: String, count: Int, seed: UInt64 = 7) throws -> [BenchQuery] {
        var words: [String] = []
        var running: [String] = []
        for file in try CorpusScanner.files(in: source) {
            let text = try DocumentReader.read(path: file.path, id: file.id).text
            for word in text.split(whereSeparator: { !$0.isLetter }) {
                let lowered = word.lowercased()
                running.append(lowered)
                if word.count >= 4 { words.append(lowered) }
            }
        }
        var random = SplitMix64(seed: seed)
        var queries: [BenchQuery] = (0..<count).map { i in
            let length = i % 4 + 1
            return BenchQuery(kind: .words, words: (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] })
        }
        for i in 0..<(count / 4) {
            let length = i % 2 + 2
            let start = Int(random.next() % UInt64(running.count - length))
            queries.append(BenchQuery(kind: .phrase, words: Array(running[start..<(start + length)])))
        }
        let long = words.filter { $0.count >= 6 }
        for i in 0..<(count / 4) {
            let word = long[Int(random.next() % UInt64(long.count))]
            queries.append(BenchQuery(kind: .prefix, words: [String(word.prefix(4 + i % 2))]))
        }
        return queries
    }
}
