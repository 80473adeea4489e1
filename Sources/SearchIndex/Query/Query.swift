import CouncilDocuments
import NorwegianText

/// A query after parsing, analysis and expansion: what `Searcher` executes and `--explain` shows.
public struct Query: Sendable {
    public let text: String
    /// What a section is ranked by. Each clause is one "word" of the query: sections that satisfy
    /// more clauses rank above those that satisfy fewer, then by score.
    public var clauses: [QueryClause]
    /// Sections that match any of these are left out (`-word`, `-"phrase"`).
    public var excluded: [QueryClause] = []
    /// Restrictions written in the query (`type:vedtak år:2025`) or given beside it.
    public var filter = SearchFilter()
    /// Filters in the query that could not be understood, each as a sentence for the user.
    public var problems: [String] = []
    /// What was done to the query that the user may not expect (cut, words unknown), as sentences.
    public var notes: [String] = []
    /// Cases the query names by id (`8/1/25`, `sak 8/1/2025`): their own sections rank first, then
    /// the sections that cite them.
    public var cases: [CaseID] = []
    /// Whether words added by expansion also score the sections that hold typed words (full RM3
    /// interpolation, for recall), rather than only the sections that hold none.
    public var blendsExpansions = false
    /// What a question frame asked for ("hva vedtok rådet om …"); nil for a plain query.
    public var intent: QueryIntent?

    /// Whether a section that satisfies `clause` counts it toward its tier (how many of the query's
    /// words it holds): a typed word does, a word added by expansion never does, and a function word
    /// only in a query of nothing else ("slutter seg til innspillet …": a long section holds more of
    /// the little words than the short decision that says it).
    func ranksTier(_ clause: QueryClause) -> Bool {
        guard !clause.isExpansion else { return false }
        return !clause.isFunctionWord || clauses.allSatisfy { $0.isFunctionWord || $0.isExpansion }
    }

    /// Whether the query asks for decisions: a question about the council's view, or a filter to
    /// decisions alone. Then a decision is found by its case's words too.
    var asksForDecisions: Bool { intent == .councilView || filter.kinds == [.vedtak] }

    public init(text: String, clauses: [QueryClause], filter: SearchFilter = SearchFilter()) {
        self.text = text
        self.clauses = clauses
        self.filter = filter
    }

    /// Every query word, in the order written, excluded ones left out.
    public var words: [QueryWord] { clauses.flatMap(\.words) }

    /// Every index term the query can match, for highlighting; not the function words of an
    /// acronym's name (`for` in "Kommunenes samarbeidsarena for forskning"), which would light up
    /// every section.
    public var allTerms: HighlightTerms {
        func terms(_ clauses: [QueryClause]) -> Set<String> {
            Set(clauses.flatMap(\.highlightedWords).flatMap { $0.terms.map(\.term) })
        }
        return HighlightTerms(typed: terms(clauses.filter { !$0.isExpansion }), added: terms(clauses.filter(\.isExpansion)))
    }
}

/// The terms a snippet marks: the typed words' terms; for a section that holds none of them
/// (found by expansion), the added terms, so that it still shows why it was found.
public struct HighlightTerms: Sendable {
    public let typed: Set<String>
    public let added: Set<String>
}

/// One ranked unit of a query.
public indirect enum QueryClause: Sendable {
    /// A word and its alternatives; a section scores by the best of them.
    case word(QueryWord)
    /// Words at consecutive positions (`"møte med Helsedataservice"`).
    case phrase(QueryPhrase)
    /// `a OR b`: a section matches when it matches any; it scores by the best.
    case anyOf([QueryClause])
    /// `(a b)`: a section matches only when it matches all; it scores by their sum.
    case allOf([QueryClause])

    public var words: [QueryWord] {
        switch self {
        case .word(let word): [word] + word.parts
        case .phrase(let phrase): phrase.words
        case .anyOf(let clauses), .allOf(let clauses): clauses.flatMap(\.words)
        }
    }

    var highlightedWords: [QueryWord] {
        switch self {
        case .phrase(let phrase) where phrase.standsForWord:
            phrase.words.filter { !$0.isFunctionWord }
        case .anyOf(let clauses), .allOf(let clauses): clauses.flatMap(\.highlightedWords)
        default: words
        }
    }

    /// A lone function word ("til", "på", "som"): it adds its (small) score, but a section does
    /// not rank above another for holding more of them.
    public var isFunctionWord: Bool {
        if case .word(let word) = self { return word.isFunctionWord }
        return false
    }

    /// A word added by expansion rather than typed (`QueryWord.isExpansion`).
    public var isExpansion: Bool {
        if case .word(let word) = self { return word.isExpansion }
        return false
    }

    /// The clause as the user could have typed it, for messages and `--explain`.
    public var written: String {
        switch self {
        case .word(let word): word.written
        case .phrase(let phrase): "\"\(phrase.written)\""
        case .anyOf(let clauses): "(" + clauses.map(\.written).joined(separator: " OR ") + ")"
        case .allOf(let clauses): "(" + clauses.map(\.written).joined(separator: " ") + ")"
        }
    }
}

/// Words that must appear next to each other, in order.
public struct QueryPhrase: Sendable {
    public let written: String
    public let words: [QueryWord]
    public var weight = 1.0
    public var reason = WeightedTerm.Reason.exact
    /// Score with the mean rarity of the words rather than their sum, like one word: for a
    /// phrase that stands in for a word (an acronym's name), so it cannot outweigh the word.
    public var standsForWord = false

    public init(written: String, words: [QueryWord]) {
        self.written = written
        self.words = words
    }
}

/// One word of the query and the index terms it stands for.
public struct QueryWord: Sendable {
    /// As the user typed it.
    public let written: String
    /// Alternatives for this word; a section scores by the best of them.
    public var terms: [WeightedTerm]
    /// The same alternatives in section titles; the best of them adds to the section's score.
    public var titleTerms: [WeightedTerm] = []
    /// When the word is a compound, its parts (`innovasjonsanskaffelser` → `innovasjon`,
    /// `anskaffelser`): a section with all of them matches the word too, by their mean score
    /// times `partsWeight`.
    public var parts: [QueryWord] = []
    public var partsWeight = 0.0
    /// Added by expansion (feedback, synonyms), not typed: it adds its score but does not make a
    /// section rank above another for holding more of the query's words.
    public var isExpansion = false

    /// The word inside a phrase: its inflections and spellings, not compounds or parts (a phrase
    /// asks for that wording).
    var asPhraseWord: QueryWord {
        var word = self
        word.terms = terms.filter { $0.reason != .compound }
        word.parts = []
        return word
    }
}

/// An index term a query word may match, with how much a match on it counts and why.
public struct WeightedTerm: Sendable, Hashable {
    public let term: String
    public let termID: Int
    /// 1 for the word as analyzed; less for spellings reached by expansion, so exact spellings
    /// rank first.
    public let weight: Double
    public let reason: Reason

    public enum Reason: String, Sendable {
        case exact
        /// Reached by folding æ/ø/å: `horingssvar` → `høringssvar`.
        case folded
        /// The word in a section title.
        case title
        /// A term that starts with `prefix*`.
        case prefix
        /// A term within the edit distance of `word~`.
        case fuzzy
        /// A compound that has the word as a part (`helsedata` → `helsedataservice`).
        case compound
        /// A part of the compound typed (`innovasjonsanskaffelser` → `anskaffelser`).
        case part
        /// The spelled-out name of an acronym, or the acronym of a name (`KSF`).
        case acronym
        /// The word repaired as OCR damage would have changed it.
        case repaired
        /// Two neighbouring query words found side by side (a bonus, not a match).
        case proximity
        /// A decision's share of the best section of its case (when the query asks for decisions).
        case inherited
        /// A term the best sections share, added by pseudo-relevance feedback (RM3).
        case feedback
        /// A synonym of the word from the thesaurus.
        case synonym
        /// A compound that shares the head of the compound typed, or that head alone
        /// (`helseklynger` → `klynger`, `næringsklynge`).
        case sibling
    }
}

extension QueryWord {
    /// One of Snowball's Norwegian stop words ("til", "på", "som"), as typed.
    public var isFunctionWord: Bool { NorwegianStopWords.snowball.contains(written.lowercased()) }
}

extension QueryPhrase {
    /// Each word's first index term, for `--explain`: "møt med helsedataservic".
    var firstTerms: String { words.map { $0.terms.first?.term ?? $0.written }.joined(separator: " ") }
}
