import CouncilDocuments
import NorwegianText

/// The lexicon for OCR repair: word counts of the corpus documents that read as clean, plus the
/// system word list when one is installed. (An index build gathers the same counts as a by-product
/// of indexing the clean documents; this is for tools that need the lexicon alone.)
public enum CorpusLexicon {
    public static func build(corpus: String, wordList: String? = Lexicon.systemWordListPath) throws(IndexError) -> Lexicon {
        let files: [CorpusFile]
        do {
            files = try CorpusScanner.files(in: corpus)
        } catch {
            throw .emptyCorpus(error.description)
        }
        var lexicon = Lexicon()
        for file in files {
            guard let document = try? DocumentReader.read(path: file.path, id: file.id) else { continue }
            let words = ICUWordTokenizer().tokenize(document.text)
            if !DamageProfile(tokens: words).isDamaged { lexicon.addWords(words) }
        }
        if let wordList { lexicon.addWordList(path: wordList) }
        lexicon.finish()
        return lexicon
    }
}
