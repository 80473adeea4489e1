import CouncilDocuments
import NorwegianText

/// The lexicon for OCR repair: word counts of the corpus documents that read as clean, plus the
/// system word list when one is installed.
public enum CorpusLexicon {
    public struct Summary: Sendable {
        public let cleanDocuments: Int
        public let damagedDocuments: [String]
        public let usedWordList: Bool
    }

    public static func build(corpus: String, wordList: String? = Lexicon.systemWordListPath) throws(IndexError) -> (Lexicon, Summary) {
        let files: [CorpusFile]
        do {
            files = try CorpusScanner.files(in: corpus)
        } catch {
            throw .emptyCorpus(error.description)
        }
        var lexicon = Lexicon()
        var clean = 0
        var damaged: [String] = []
        for file in files {
            guard let document = try? DocumentReader.read(path: file.path, id: file.id) else { continue }
            if DamageProfile(text: document.text).isDamaged {
                damaged.append(file.id)
            } else {
                lexicon.addText(document.text)
                clean += 1
            }
        }
        let usedWordList = wordList.map { lexicon.addWordList(path: $0) } ?? false
        lexicon.finish()
        return (lexicon, Summary(cleanDocuments: clean, damagedDocuments: damaged, usedWordList: usedWordList))
    }
}
