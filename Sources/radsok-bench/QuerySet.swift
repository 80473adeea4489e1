import CouncilDocuments
import Foundation

/// A fixed mixed set of queries of one to four words, drawn with a fixed seed from the words of
/// the corpus that the generator reads (so both engines see the same queries every run).
enum QuerySet {
    static func make(source: String, count: Int, seed: UInt64 = 7) throws -> [[String]] {
        var words: [String] = []
        for file in try CorpusScanner.files(in: source) {
            let text = try DocumentReader.read(path: file.path, id: file.id).text
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
                words.append(word.lowercased())
            }
        }
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            let length = i % 4 + 1
            return (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }
        }
    }
}
