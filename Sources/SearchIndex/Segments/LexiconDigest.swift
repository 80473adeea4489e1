import CouncilDocuments
import Foundation

/// Identifies the OCR lexicon a build repairs damaged files with, without hashing its words:
/// the lexicon is made from the clean files (named by id and content) and the word list alone.
enum LexiconDigest {
    static func of(cleanFiles: [String], wordList: String?) -> UInt64 {
        var text = cleanFiles.sorted().joined(separator: "\n")
        if let wordList {
            var info = stat()
            if stat(wordList, &info) == 0 { text += "\n\(wordList) \(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)" }
        }
        return ContentHash.of(Array(text.utf8))
    }
}
