/// Replaces each word by its Snowball Norwegian stem, applied until it no longer changes.
///
/// One Snowball pass strips one ending, so `høringssvaret` → `høringssvar` but `høringssvar` →
/// `høringssv`, and `rådets` → `rådet` but `rådet` → `råd`: forms of one word would not meet.
/// Repeating the pass (at most `maximumPasses` times) brings them to one term.
///
/// Inflection only: Snowball's last step strips -leg, -lig, -els, -lov and -ig as derivations, but
/// in Norwegian compounds these are often the head noun ("fastlege" would become "fast",
/// "helseforskningsloven" "helseforskning"), so the chain stems like a light stemmer (as
/// Lucene's NorwegianLightStemFilter leaves derivations alone). Kept because it helped both
/// halves of the development set (nDCG@10 0.740 → 0.745; odd 0.789 → 0.796, even 0.688 → 0.692).
///
/// A word written in capitals may be an acronym (`KSF`, `LUP`) or a shouted heading word
/// (`REFERATET`): it keeps its written form and gets the stem beside it, so both readings match.
public struct NorwegianStemFilter: TokenFilter {
    public let stemmer: NorwegianStemmer
    public let maximumPasses: Int

    public init(stemmer: NorwegianStemmer = NorwegianStemmer(stripsDerivations: false), maximumPasses: Int = 3) {
        self.stemmer = stemmer
        self.maximumPasses = maximumPasses
    }

    /// The stem after repeated passes.
    public func stem(_ word: String) -> String {
        var current = word
        for _ in 0..<maximumPasses {
            let next = stemmer.stem(current)
            if next == current { break }
            current = next
        }
        return current
    }

    public func filter(_ tokens: inout [Token]) {
        // Word frequencies are Zipfian: memoizing per text saves most stemmer calls.
        var memo: [String: String] = [:]
        var extra: [Token] = []
        for index in tokens.indices where !tokens[index].flags.contains(.keyword) {
            let word = tokens[index].text
            let stem: String
            if let known = memo[word] {
                stem = known
            } else {
                stem = self.stem(word)
                memo[word] = stem
            }
            guard stem != word else { continue }
            if tokens[index].flags.contains(.uppercase) {
                var synonym = tokens[index]
                synonym.text = stem
                synonym.flags.insert(.synonym)
                extra.append(synonym)
            } else {
                tokens[index].text = stem
            }
        }
        if !extra.isEmpty {
            tokens.insertSynonyms(extra)
        }
    }
}

extension Array where Element == Token {
    /// Merges tokens that sit beside existing ones into position order, each after the tokens
    /// already at its position, keeping the stream ordered as phrase matching expects.
    public mutating func insertSynonyms(_ synonyms: [Token]) {
        guard !synonyms.isEmpty else { return }
        let sortedSynonyms = synonyms.sorted { $0.position < $1.position }
        var merged: [Token] = []
        merged.reserveCapacity(count + sortedSynonyms.count)
        var next = 0
        for token in self {
            while next < sortedSynonyms.count, sortedSynonyms[next].position < token.position {
                merged.append(sortedSynonyms[next]); next += 1
            }
            merged.append(token)
        }
        merged.append(contentsOf: sortedSynonyms[next...])
        self = merged
    }
}
