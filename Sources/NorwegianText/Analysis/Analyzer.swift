/// A tokenizer followed by filters: the single definition of what a term is, shared by indexing
/// and querying so that both sides always agree.
public struct Analyzer: Sendable {
    public var tokenizer: any Tokenizer
    public var filters: [any TokenFilter]

    public init(tokenizer: any Tokenizer, filters: [any TokenFilter]) {
        self.tokenizer = tokenizer
        self.filters = filters
    }

    public func analyze(_ text: String) -> [Token] {
        filter(tokenizer.tokenize(text))
    }

    /// Runs the filters over tokens already made by `tokenizer` (so a caller that needs the
    /// tokenizer's output too does not tokenize twice).
    public func filter(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        for step in filters {
            step.filter(&tokens)
        }
        return tokens
    }

    /// The chain used for Norwegian council documents and for queries against them.
    public static let norwegian = Analyzer(
        tokenizer: ICUWordTokenizer(),
        filters: [
            KeywordMarkerFilter(),
            NorwegianStemFilter(),
        ]
    )

    /// The repairs this chain's OCR repair step has made so far, when it shares its decisions.
    public var repairsMade: [String: String] {
        filters.lazy.compactMap { ($0 as? OCRRepairFilter)?.memo }.first?.repairs ?? [:]
    }

    /// This chain with its OCR repair step telling `log` every decision it makes.
    public func loggingRepairs(to log: RepairLog) -> Analyzer {
        var copy = self
        copy.filters = filters.map { step in
            guard var repair = step as? OCRRepairFilter else { return step }
            repair.log = log
            return repair
        }
        return copy
    }

    /// What this chain's OCR repair step decides for a word, with its fixed profile: `.some(nil)`
    /// when it keeps the word as written, nil when the chain has no such step.
    public func repairDecision(for word: String) -> String?? {
        filters.lazy.compactMap { ($0 as? OCRRepairFilter)?.decision(for: word) }.first
    }

    /// This chain with OCR repair inserted right after the keyword marker (before stemming).
    /// With a fixed `profile` (a build's damaged documents, `radsok normalize`) decisions are
    /// shared across documents; with none, each document's own profile decides.
    public func withOCRRepair(_ repairer: WordRepairer, profile: DamageProfile? = .heavilyDamaged) -> Analyzer {
        var steps = filters.filter { !($0 is OCRRepairFilter) }
        let at = steps.firstIndex { $0 is KeywordMarkerFilter }.map { $0 + 1 } ?? 0
        steps.insert(OCRRepairFilter(repairer: repairer, profile: profile, memo: RepairMemo()), at: at)
        return Analyzer(tokenizer: tokenizer, filters: steps)
    }
}
