import CouncilDocuments
import Foundation
import NorwegianText

/// Turns the text a user typed into a `Query` against one index: parses the query language,
/// analyzes words with the documents' chain, and expands them to the index terms they stand
/// for (spellings without æøå, prefixes, typos), each expansion weighted below the word itself.
public struct QueryPlanner: Sendable {
    public var analyzer: Analyzer
    public var parser = QueryParser()
    /// How much a folded spelling counts next to the spelling typed.
    public var foldedWeight = 0.8
    /// How much a term reached by `prefix*` counts.
    public var prefixWeight = 0.9
    /// How much a term one edit away from `word~` counts; two edits count its square.
    public var fuzzyWeight = 0.8
    /// How much a compound that has the word as a part counts (`helsedata` in
    /// `helsedataservice`): below the word itself, so sections with the word rank first.
    public var compoundWeight = 0.6
    /// How much a section with all the parts of a compound typed counts (the parts apart,
    /// `anskaffelser av innovasjon` for `innovasjonsanskaffelser`), relative to their mean.
    public var partsWeight = 0.5
    public var decompounder = Decompounder()
    /// A compound typed is split only when at most this many sections contain it.
    public var maximumDocumentFrequencyForParts = 2
    /// How much an acronym's name counts for the acronym, and the acronym for its name.
    public var acronymWeight = 0.5
    /// How much the reading of a typed word as OCR damage counts (`mgte` → `møte`).
    public var repairedWeight = 0.7
    /// A typed word is read as damage only when the repaired word is in this many times more
    /// sections (and in at least three): so a real word is never traded for a rarer one, and a
    /// user who types `mgte` on purpose still gets `mgte` first.
    public var repairEvidence = 10
    /// Whether the last word is also matched as a prefix (`PrefixLast`): for a query typed as it
    /// is being typed, as Meilisearch does, so that results grow with each letter.
    public var prefixLast = false
    /// How many of a typed word's likeliest OCR readings are looked up.
    public var maximumRepairCandidates = 64
    public var confusionModel = ConfusionModel.norwegianOCR
    /// Words shorter than this are not looked for inside compounds.
    public var minimumCompoundPart = 3
    /// At most this many compounds per word, the most widespread first.
    public var maximumCompounds = 32
    /// How much a sibling of a compound typed counts (`SiblingCompounds`): a part's compound, so
    /// both steps' weights, `partsWeight` times `compoundWeight`.
    public var siblingWeight: Double { partsWeight * compoundWeight }
    /// How much a match in a section's title adds, relative to a match in its text.
    public var titleWeight = 0.5
    /// Queries with more words than this are cut (the rest is ignored, with a note), keeping
    /// work per query bounded.
    public var maximumWords = 64
    /// Synonyms of the typed words (`SynonymExpansion`); nil for the system thesaurus, read only
    /// when synonyms are asked for (empty when none is installed).
    public var thesaurus: Thesaurus?
    /// How much a synonym counts; 0 (the default) leaves synonyms out: measured on the development
    /// set they changed no nDCG@10 and cost the odd half Recall@50 (`search --synonyms` uses 0.3).
    public var synonymWeight = 0.0
    /// At most this many synonyms per word, the most widespread in the index first.
    public var maximumSynonyms = 8

    public init(analyzer: Analyzer = .norwegian) {
        self.analyzer = analyzer
    }

    /// - Parameter deadline: past it, vocabulary scans (fuzzy words) stop early; the caller checks
    ///   the deadline after planning and gives up.
    public func plan(_ text: String, reader: IndexReader, filter: SearchFilter = SearchFilter(),
                     deadline: Deadline = .never) -> Query {
        var planning = Planning(planner: self, reader: reader, filter: filter)
        planning.deadline = deadline
        var clauses: [QueryClause] = []
        var seen: Set<[String]> = []
        // "hva vedtok rådet om X": the frame is what is asked, X what to search for.
        let frame = IntentFrame.recognize(text)
        let nodes = parser.parse(frame?.topic ?? text)
        for (n, node) in nodes.enumerated() {
            var made = planning.clauses(for: node, topLevel: true)
            if prefixLast, n == nodes.count - 1, Self.isStillTyped(node, in: text) { made = planning.completingLast(made) }
            for clause in made {
                // The same word twice counts once.
                if case .word(let word) = clause {
                    guard seen.insert(word.terms.map(\.term).sorted() + [word.terms.isEmpty ? word.written.lowercased() : ""]).inserted else { continue }
                }
                clauses.append(clause)
            }
        }
        let acronyms = AcronymExpansion(planner: self, reader: reader)
        acronyms.addAcronyms(to: &clauses)
        clauses = clauses.map { clause in
            if case .word(let word) = clause { return acronyms.clause(for: word) }
            return clause
        }
        clauses += SynonymExpansion(planner: self, reader: reader).clauses(for: clauses)
        clauses += SiblingCompounds(planner: self, reader: reader).clauses(for: clauses)
        let named = Self.namedCases(clauses)
        if !named.isEmpty { clauses.removeAll(where: Self.isCaseWord) }
        var query = Query(text: text, clauses: clauses, filter: planning.filter)
        query.cases = named
        query.intent = frame?.intent
        query.excluded = planning.excluded
        query.problems = planning.problems
        query.notes = planning.notes
        return query
    }

    /// The case ids written as words of the query, in order.
    static func namedCases(_ clauses: [QueryClause]) -> [CaseID] {
        var ids: [CaseID] = []
        for case .word(let word) in clauses {
            if let id = CaseID(word.written), !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// "Sak" beside a case id says what the id is; it is not a word to search for.
    static func isCaseWord(_ clause: QueryClause) -> Bool {
        guard case .word(let word) = clause else { return false }
        return ["sak", "saken", "case"].contains(word.written.lowercased())
    }

    /// The terms of one analyzed word (the tokens at one position): the word itself, then its
    /// spellings with æøå when it was typed without them, expanded only to spellings the
    /// index holds.
    func expand(_ group: [Token], written: String, reader: IndexReader, compounds: Bool = true) -> [WeightedTerm] {
        var terms = TermSet(reader: reader)
        for token in group {
            if let id = reader.termID(token.text) { terms.add(id, 1, .exact) }
        }
        if NorwegianFolding.mayBeFolded(written), !group.contains(where: { $0.flags.contains(.keyword) }) {
            for token in group {
                let key = NorwegianFolding.foldKey(token.text)
                if key != token.text, let id = reader.termID(key) { terms.add(id, foldedWeight, .folded) }
                for id in reader.terms(withFoldKey: key) { terms.add(id, foldedWeight, .folded) }
            }
        }
        if let repaired = repairedTerm(group, written: written, typedFrequency: terms.terms.reduce(0) { $0 + reader.postingsInfo($1.termID).documentFrequency }, reader: reader) {
            terms.add(repaired, repairedWeight, .repaired)
        }
        let lowered = written.lowercased()
        if compounds, written.count >= minimumCompoundPart, !NorwegianStopWords.snowball.contains(lowered),
           !group.contains(where: { $0.flags.contains(.hasDigit) }) {
            let parts = Set(group.map(\.text) + terms.terms.map(\.term) + [lowered])
            let compounds = parts.flatMap { reader.compounds(withPart: $0) }
            for id in VocabularyMatcher(reader: reader).mostWidespread(compounds, limit: maximumCompounds) {
                terms.add(id, compoundWeight, .compound)
            }
        }
        return terms.terms
    }

    /// The index term of the most likely original of a word typed as OCR would damage it, when
    /// the index has overwhelming evidence for it; nil otherwise.
    func repairedTerm(_ group: [Token], written: String, typedFrequency: Int, reader: IndexReader) -> Int? {
        guard !group.contains(where: { $0.flags.contains(.keyword) || $0.flags.contains(.hasDigit) }),
              let folded = analyzer.tokenizer.tokenize(written).first?.text, folded.count >= 2 else { return nil }
        let stemmer = NorwegianStemFilter()
        var best: (id: Int, score: Double)?
        // The likeliest damages only: a reading that needs an unlikely damage cannot win on
        // frequency, and checking every reading of a long word would cost more than the query.
        for (candidate, damageLog) in confusionModel.likeliestCandidates(folded, limit: maximumRepairCandidates) {
            guard let id = reader.termID(stemmer.stem(candidate)) else { continue }
            let df = reader.postingsInfo(id).documentFrequency
            guard df >= max(3, repairEvidence * typedFrequency) else { continue }
            let score = damageLog + log(Double(df))
            if score > best?.score ?? -.infinity { best = (id, score) }
        }
        return best?.id
    }

    /// The words of a piece of text, analyzed and expanded as query words are, outside any query.
    func analyzedWords(_ text: String, reader: IndexReader) -> [QueryWord] {
        var planning = Planning(planner: self, reader: reader, filter: SearchFilter())
        return planning.analyzedWords(text).map(\.asPhraseWord)
    }

    /// The parts of a compound query word, split against the index's vocabulary (both parts
    /// must be index terms), each expanded like a word of its own.
    func compoundParts(of group: [Token], reader: IndexReader) -> [QueryWord]? {
        guard let token = group.first, !token.flags.contains(.hasDigit), !token.flags.contains(.keyword) else { return nil }
        // A word the index knows well needs no parts; parts help where the compound is rare.
        if let id = reader.termID(token.text), reader.postingsInfo(id).documentFrequency > maximumDocumentFrequencyForParts { return nil }
        guard let split = split(token.text, reader: reader) else { return nil }
        let stemmer = NorwegianStemFilter()
        return [split.modifier, split.head].map { part in
            let stem = stemmer.stem(part)
            let partToken = Token(text: stem, position: token.position, range: token.range, flags: token.flags)
            return QueryWord(written: part, terms: expand([partToken], written: part, reader: reader, compounds: false))
        }
    }

    /// The split of a stem into a modifier and a head that are both index terms (the modifier once
    /// stemmed), or nil when it is no compound the index can vouch for.
    func split(_ stem: String, reader: IndexReader) -> Decompounder.Split? {
        let stemmer = NorwegianStemFilter()
        func frequency(_ term: String) -> Double {
            reader.termID(term).map { Double(reader.postingsInfo($0).documentFrequency) } ?? 0
        }
        return decompounder.split(stem, modifierFrequency: { frequency(stemmer.stem($0)) },
                                  isCorpusWord: { reader.termID(stemmer.stem($0)) != nil }, headFrequency: frequency)
    }

    func titleTerms(for terms: [WeightedTerm], reader: IndexReader) -> [WeightedTerm] {
        terms.compactMap { t in
            guard t.reason == .exact || t.reason == .folded else { return nil }
            return reader.termID(TitleField.term(for: t.term)).map {
                WeightedTerm(term: t.term, termID: $0, weight: t.weight * titleWeight, reason: .title)
            }
        }
    }
}

/// Terms gathered for one word, each once, in the order found.
struct TermSet {
    let reader: IndexReader
    private(set) var terms: [WeightedTerm] = []
    private var present: Set<Int> = []

    init(reader: IndexReader) {
        self.reader = reader
    }

    mutating func add(_ id: Int, _ weight: Double, _ reason: WeightedTerm.Reason) {
        if present.insert(id).inserted { terms.append(WeightedTerm(term: reader.term(id), termID: id, weight: weight, reason: reason)) }
    }
}

/// The state of planning one query: filters and exclusions found along the way, and the
/// word budget.
struct Planning {
    let planner: QueryPlanner
    let reader: IndexReader
    var filter: SearchFilter
    var excluded: [QueryClause] = []
    var problems: [String] = []
    var notes: [String] = []
    var deadline = Deadline.never
    private var wordCount = 0
    private var wasCut = false

    init(planner: QueryPlanner, reader: IndexReader, filter: SearchFilter) {
        self.planner = planner
        self.reader = reader
        self.filter = filter
    }

    /// The clauses a node stands for. A word that analysis splits in several (`e-helse`)
    /// gives several clauses at the top level and one all-of clause inside an operator.
    mutating func clauses(for node: QueryNode, topLevel: Bool) -> [QueryClause] {
        switch node {
        case .filter(let field, let value):
            do { try filter.add(field: field, value: value) } catch { problems.append(error.description) }
            return []
        case .exclude(let inner):
            guard topLevel else {
                notes.append("utelukkelse inne i OR er ignorert")
                return []
            }
            if let clause = single(clauses(for: inner, topLevel: false)) { excluded.append(clause) }
            return []
        case .word(let text, let match):
            let words = self.words(text, match: match)
            return topLevel ? words.map { .word($0) } : single(words.map { .word($0) }).map { [$0] } ?? []
        case .phrase(let text):
            let words = self.words(text, match: .analyzed)
            if words.count <= 1 { return words.map { .word($0) } }
            return [.phrase(QueryPhrase(written: text.trimmingCharacters(in: .whitespaces), words: words.map(\.asPhraseWord)))]
        case .anyOf(let nodes):
            let alternatives = nodes.compactMap { single(clauses(for: $0, topLevel: false)) }
            return alternatives.count <= 1 ? alternatives : [.anyOf(alternatives)]
        case .group(let nodes):
            let parts = nodes.flatMap { clauses(for: $0, topLevel: false) }
            return single(parts).map { [$0] } ?? []
        }
    }

    private func single(_ clauses: [QueryClause]) -> QueryClause? {
        clauses.count <= 1 ? clauses.first : .allOf(clauses)
    }

    /// The query words of a piece of query text, one per analyzed position.
    mutating func analyzedWords(_ text: String) -> [QueryWord] {
        words(text, match: .analyzed)
    }

    private mutating func words(_ text: String, match: QueryNode.WordMatch) -> [QueryWord] {
        switch match {
        case .analyzed:
            let tokens = planner.analyzer.analyze(text)
            let units = Array(text.utf16)
            var words: [QueryWord] = []
            var index = 0
            while index < tokens.count {
                var group = [tokens[index]]
                index += 1
                while index < tokens.count, tokens[index].position == group[0].position {
                    group.append(tokens[index]); index += 1
                }
                guard spendWord() else { break }
                let range = group[0].range
                let written = String(decoding: units[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF16.self)
                let terms = planner.expand(group, written: written, reader: reader)
                var word = QueryWord(written: written, terms: terms, titleTerms: planner.titleTerms(for: terms, reader: reader))
                if let parts = planner.compoundParts(of: group, reader: reader) {
                    word.parts = parts
                    word.partsWeight = planner.partsWeight
                }
                words.append(word)
            }
            return words
        case .prefix:
            guard let folded = foldedForm(text), spendWord() else { return [] }
            var terms = TermSet(reader: reader)
            addPrefixTerms(of: folded, weight: planner.prefixWeight, to: &terms)
            return [QueryWord(written: text + "*", terms: terms.terms, titleTerms: planner.titleTerms(for: terms.terms, reader: reader))]
        case .fuzzy(let maximumEdits):
            guard let folded = foldedForm(text) else { return [] }
            let analyzed = words(text, match: .analyzed)
            guard var word = analyzed.first else { return [] }
            let edits = maximumEdits ?? VocabularyMatcher.allowedEdits(letters: folded.count)
            let stems = planner.analyzer.analyze(text).map(\.text)
            var terms = TermSet(reader: reader)
            for term in word.terms { terms.add(term.termID, term.weight, term.reason) }
            // The form as typed first; its stem only when that finds nothing, since a misspelled
            // word can stem to something far from its intended stem.
            var matcher = VocabularyMatcher(reader: reader)
            matcher.deadline = deadline
            var near = matcher.terms(near: [folded], maximumEdits: edits)
            if near.isEmpty { near = matcher.terms(near: stems, maximumEdits: edits) }
            for (id, distance) in near {
                terms.add(id, distance == 0 ? 1 : pow(planner.fuzzyWeight, Double(distance)), distance == 0 ? .exact : .fuzzy)
            }
            word = QueryWord(written: text + "~", terms: terms.terms, titleTerms: planner.titleTerms(for: word.terms, reader: reader))
            return [word] + analyzed.dropFirst()
        }
    }

    /// The text case-folded as the tokenizer folds it, without stemming; nil when it holds no word.
    func foldedForm(_ text: String) -> String? {
        let tokens = planner.analyzer.tokenizer.tokenize(text)
        guard !tokens.isEmpty else { return nil }
        return tokens.map(\.text).joined()
    }

    private mutating func spendWord() -> Bool {
        guard wordCount < planner.maximumWords else {
            if !wasCut { notes.append("spørringen er kuttet etter \(planner.maximumWords) ord") }
            wasCut = true
            return false
        }
        wordCount += 1
        return true
    }
}
