import CouncilDocuments
import Foundation

/// Identifies the OCR lexicon a build repairs damaged files with, without hashing its words:
/// the lexicon is made from the clean files (named by id and content) and the word list alone.
enum LexiconDigest {
    static func of(cleanFiles: [String], wordList: String?) -> UInt64 {
        var text = cleanFiles.sorted().joined(separator: "\n")
        if let stamp = wordList.flatMap(stamp(ofWordList:)) { text += "\n" + stamp }
        return ContentHash.of(Array(text.utf8))
    }

    /// The word list by path, size and time (nil when it is not there): a list replaced or
    /// edited is another list, without its words being read.
    static func stamp(ofWordList path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)"
    }
}
