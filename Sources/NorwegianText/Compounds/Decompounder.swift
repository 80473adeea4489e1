/// Splits a Norwegian compound into a modifier and a head: `helsedataservice` = `helsedata` +
/// `service`, `rådsmøtet` = `råd` + s + `møtet`, `innovasjonsanskaffelser` = `innovasjon` + s +
/// `anskaffelser`.
///
/// Norwegian compounds are right-headed and join their parts directly or with a linking s or e.
/// A split counts only when both parts are known words, scored by how common they are (the
/// geometric mean of their frequencies, as Koehn and Knight split German compounds): a split
/// into rare or unknown pieces (`kandi` + `dat`) loses to no split at all. The head is looked up
/// as it stands in the compound (a stem, when the compound is a stem); the modifier as written.
public struct Decompounder: Sendable, CustomStringConvertible {
    /// Shortest modifier and head, in letters.
    public var minimumModifier = 3
    public var minimumHead = 3
    /// A head this short or shorter needs a modifier the corpus itself uses (not one known only
    /// from a word list): short heads are where false splits hide. A modifier of
    /// `minimumModifier` letters needs the linking s (`råd|s|møte`, not `man|dat` or `for|e|drag`).
    public var shortHead = 3
    /// A modifier known only from a word list (not used by the corpus) needs this many letters:
    /// short word-list entries are often rare homographs of prefixes (`fore`, `mis`).
    public var minimumWordListModifier = 5
    /// Words that are never parts: function words.
    public var excludedParts = NorwegianStopWords.snowball
    /// Frequencies above this count as this much, so that one very common part cannot carry a
    /// split of a rare one.
    public var frequencyCap = 50.0

    public init() {}

    /// The settings, in a stable form (for an index's analysis fingerprint).
    public var description: String {
        "Decompounder(\(minimumModifier) \(minimumHead) \(shortHead) \(minimumWordListModifier) \(frequencyCap) "
            + excludedParts.sorted().joined(separator: ",") + ")"
    }

    public struct Split: Sendable, Equatable {
        public let modifier: String
        /// `s`, `e` or empty.
        public let link: String
        public let head: String

        public init(modifier: String, link: String, head: String) {
            self.modifier = modifier
            self.link = link
            self.head = head
        }
    }

    /// The best split of `word`, or nil when no split into known parts exists.
    /// - Parameters:
    ///   - modifierFrequency: how common a modifier is as a word (0: unknown); `isCorpusWord` tells
    ///     whether that knowledge comes from the corpus itself.
    ///   - headFrequency: how common a head is (0: unknown).
    public func split(_ word: String, modifierFrequency: (String) -> Double, isCorpusWord: (String) -> Bool,
                      headFrequency: (String) -> Double) -> Split? {
        let letters = Array(word)
        guard letters.count >= minimumModifier + minimumHead, letters.allSatisfy(\.isLetter) else { return nil }
        var best: (split: Split, score: Double)?
        for cut in minimumModifier...(letters.count - minimumHead) {
            let head = String(letters[cut...])
            guard !excludedParts.contains(head) else { continue }
            let fh = headFrequency(head)
            guard fh > 0 else { continue }
            let written = String(letters[..<cut])
            var options = [(written, "")]
            if cut > minimumModifier, let last = letters[cut - 1].unicodeScalars.first, last == "s" || last == "e" {
                options.append((String(letters[..<(cut - 1)]), String(last)))
            }
            for (modifier, link) in options where !excludedParts.contains(modifier) {
                let fm = modifierFrequency(modifier)
                guard fm > 0 else { continue }
                let fromCorpus = isCorpusWord(modifier)
                if !fromCorpus, letters.count - cut <= shortHead || modifier.count < minimumWordListModifier { continue }
                // The shortest modifiers joined without the genitive s are mostly prefixes and
                // particles (`for|slag`, `for|e|drag`, `kom|misjon`, `inn|spill`), not words.
                if modifier.count <= minimumModifier, link != "s" { continue }
                let score = (min(fm, frequencyCap) * min(fh, frequencyCap)).squareRoot()
                if score > best?.score ?? 0 { best = (Split(modifier: modifier, link: link, head: head), score) }
            }
        }
        return best?.split
    }
}
