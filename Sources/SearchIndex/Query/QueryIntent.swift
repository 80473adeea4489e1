import NorwegianText

/// What a question asks for beyond its topic: "hva vedtok rådet om arrangementer" asks for what the
/// council decided or said about arrangements, so its frame ("hva vedtok rådet om") is not words
/// to search for, and decisions and minutes about the topic are preferred.
public enum QueryIntent: String, Sendable {
    /// What the council said, meant or decided about the topic.
    case councilView
}

/// Recognises the question frames of `QueryIntent` at the start of a query, by the words of
/// Norwegian grammar alone (question words, verbs of saying and deciding, a collective body):
/// nothing of one corpus.
///
/// - `hva sa/mente/vedtok/gjorde rådet om X`, `hva har rådet sagt om X`
/// - `rådets syn/standpunkt/vedtak på/om X`
/// - `vedtak om X`, `beslutning X`, `vedtakene i X`
struct IntentFrame {
    let intent: QueryIntent
    /// The query with the frame taken off: the topic.
    let topic: String

    static let questionWords: Set<String> = ["hva", "hvordan", "hvilke", "hvilket", "hvilken"]
    static let auxiliaries: Set<String> = ["har", "hadde", "vil", "skal", "ble", "er"]
    /// A body that speaks or decides, with or without its name before it ("HO21-rådet").
    static let bodies: Set<String> = ["radet", "styret", "utvalget", "komiteen", "radsmedlemmene", "medlemmene"]
    static let possessiveBodies: Set<String> = ["radets", "styrets", "utvalgets", "komiteens"]
    static let verbs: Set<String> = [
        "sa", "sagt", "sier", "mente", "ment", "mener", "vedtok", "vedtatt", "vedtar", "gjorde", "gjort", "gjor",
        "besluttet", "beslutter", "bestemte", "bestemt", "konkluderte", "konkludert", "uttalte", "uttalt",
        "anbefalte", "anbefalt", "foreslo", "foreslatt", "tenker", "tenkte", "synes", "syntes",
    ]
    /// What a body holds: "rådets syn på X".
    static let views: Set<String> = [
        "syn", "standpunkt", "holdning", "mening", "meninger", "vedtak", "beslutning", "beslutninger",
        "konklusjon", "konklusjoner", "innspill", "rad", "anbefaling", "anbefalinger", "posisjon",
    ]
    /// A decision named as the thing asked for: "vedtak om X".
    static let decisions: Set<String> = [
        "vedtak", "vedtaket", "vedtakene", "beslutning", "beslutningen", "beslutninger", "beslutningene",
    ]
    static let prepositions: Set<String> = ["om", "pa", "i", "til", "angaende", "vedrorende", "for", "med", "ang"]

    /// The frame at the start of `text`, or nil when there is none or nothing follows it.
    static func recognize(_ text: String) -> IntentFrame? {
        let words = Self.words(text)
        guard let end = frameEnd(words.map(\.key)), end < words.count else { return nil }
        let topic = String(text[words[end].range.lowerBound...])
        return IntentFrame(intent: .councilView, topic: topic)
    }

    /// The number of leading words that form a frame.
    static func frameEnd(_ keys: [String]) -> Int? {
        var i = 0
        func take(_ accepts: (String) -> Bool) -> Bool {
            guard i < keys.count, accepts(keys[i]) else { return false }
            i += 1
            return true
        }
        func take(_ set: Set<String>) -> Bool { take(set.contains) }
        let body = { bodies.contains($0) || isNamedBody($0) }
        if take(questionWords) {
            _ = take(auxiliaries)
            let before = take(body)
            guard take(verbs) else { return nil }
            guard before || take(body) else { return nil }
            _ = take(prepositions)
            return i
        }
        if take(possessiveBodies) {
            guard take(views) else { return nil }
            _ = take(prepositions)
            return i
        }
        if take(decisions) {
            _ = take(prepositions)
            return i
        }
        return nil
    }

    /// "HO21-rådet", "helseomsorg21-rådet": a body with its name joined before it.
    static func isNamedBody(_ key: String) -> Bool {
        guard let dash = key.lastIndex(of: "-") else { return false }
        return bodies.contains(String(key[key.index(after: dash)...]))
    }

    /// The words of `text` split at white space, each with its range and a key: lower case, æøå
    /// folded, trailing punctuation off.
    static func words(_ text: String) -> [(key: String, range: Range<String.Index>)] {
        var found: [(key: String, range: Range<String.Index>)] = []
        var start: String.Index?
        for i in text.indices {
            if text[i].isWhitespace {
                if let s = start { found.append((key(text[s..<i]), s..<i)); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { found.append((key(text[s...]), s..<text.endIndex)) }
        return found
    }

    static func key(_ word: Substring) -> String {
        // Character's own properties, not Foundation's CharacterSet: building that set on first
        // use was 0.3 ms of every cold start, for a frame most queries do not have.
        var trimmed = word.lowercased()[...]
        while let first = trimmed.first, first.isPunctuation { trimmed.removeFirst() }
        while let last = trimmed.last, last.isPunctuation { trimmed.removeLast() }
        return NorwegianFolding.foldKey(String(trimmed))
    }
}
