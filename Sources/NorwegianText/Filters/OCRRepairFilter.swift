/// Adds, beside each word that OCR damaged, the word it was ("mgte" → "møte"), at the same
/// position, so that searches for the right word find the damaged text, phrase queries still
/// line up, and the damaged spelling itself stays searchable.
///
/// The filter sees a whole document and decides from its `DamageProfile` how boldly to repair;
/// `profile` forces a decision (for `radsok normalize --damaged`).
public struct OCRRepairFilter: TokenFilter {
    public let repairer: WordRepairer
    public let profile: DamageProfile?
    /// Decisions shared across documents; only for a fixed profile (a decision depends on it).
    public let memo: RepairMemo?
    /// Told every decision this filter makes: what a build keeps of one file to know later
    /// whether another lexicon would repair that file differently.
    public var log: RepairLog?

    public init(repairer: WordRepairer, profile: DamageProfile? = nil, memo: RepairMemo? = nil) {
        self.repairer = repairer
        self.profile = profile
        self.memo = profile == nil ? nil : memo
    }

    /// What this filter decides for a word (nil: kept as written), given a fixed profile; nil
    /// without one, where the decision depends on the document.
    public func decision(for word: String) -> String?? {
        guard let profile else { return nil }
        guard !repairer.lexicon.isEmpty else { return .some(nil) }
        return .some(decide(word, damaged: profile.isDamaged))
    }

    /// The repair of a word, through the memo when there is one. Not `memo?.value(…) ?? repair(…)`:
    /// a word that needs no repair is memoized as nil, and `??` would weigh it again each time.
    private func decide(_ word: String, damaged: Bool) -> String? {
        guard let memo else { return repairer.repair(word, damaged: damaged) }
        return memo.value(for: word) { repairer.repair(word, damaged: damaged) }
    }

    public func filter(_ tokens: inout [Token]) {
        guard !repairer.lexicon.isEmpty else { return }
        let damaged = (profile ?? DamageProfile(tokens: tokens)).isDamaged
        var local: [String: String?] = [:]
        var repairs: [Token] = []
        for token in tokens where Self.isRepairable(token) {
            let repaired: String?
            if let known = local[token.text] {
                repaired = known
            } else {
                repaired = decide(token.text, damaged: damaged)
                local[token.text] = repaired
            }
            guard let repaired else { continue }
            var synonym = token
            synonym.text = repaired
            synonym.flags.insert(.synonym)
            synonym.flags.remove(.hasDigit)
            synonym.flags.remove(.keyword)
            repairs.append(synonym)
        }
        log?.record(local)
        tokens.insertSynonyms(repairs)
    }

    /// Words, and words with a digit where a letter belongs ("0g", "m4"); not numbers, codes
    /// in capitals or case numbers.
    static func isRepairable(_ token: Token) -> Bool {
        if token.flags.contains(.caseNumber) || token.flags.contains(.synonym) { return false }
        if token.flags.contains(.uppercase) && token.text.unicodeScalars.count > 1 && !token.flags.contains(.hasDigit) {
            return token.text.unicodeScalars.count > 4
        }
        if token.flags.contains(.hasDigit) {
            let letters = token.text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            return letters >= 1 && token.text.unicodeScalars.count <= 4
        }
        return true
    }
}
