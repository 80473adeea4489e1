import Foundation

/// How OCR damages Norwegian letters: each rule says that `damaged` on the page may stand for
/// `original`, with a probability. Rules are about letter shapes and encodings (ø read as g, a or
/// o; å as a, & or d; æ as ae or ee), never about particular words, so they apply to documents
/// the model has never seen.
public struct ConfusionModel: Sendable {
    public struct Rule: Sendable {
        public let damaged: [UInt8]
        public let original: [UInt8]
        /// Natural log of P(damaged | original).
        public let logProbability: Double
        /// Only at the start of a word (`@` for Ø).
        public let wordInitial: Bool
        /// Only between two consonants (a stray `i`: "kiliniske").
        public var betweenConsonants = false
    }

    public let rules: [Rule]
    /// At most this many rules apply to one word.
    public var maximumRepairs = 2
    private let rulesByFirst: [UInt8: [Rule]]

    public init(rules: [Rule]) {
        self.rules = rules
        rulesByFirst = Dictionary(grouping: rules, by: { $0.damaged[0] })
    }

    /// Every word the model can turn `word` into, with the log probability of the damage that
    /// would have produced `word` from it. The word itself is not among them. Works on UTF-8
    /// bytes: rules match byte sequences, which match exactly where letter sequences do.
    public func candidates(_ word: String) -> [String: Double] {
        var collector = Collector()
        visitCandidates(Array(word.utf8), &collector)
        return collector.found
    }

    /// The `limit` likeliest of `candidates(word)`, most likely first (ties in byte order),
    /// without making strings of the others: a long word has thousands of unlikely readings.
    public func likeliestCandidates(_ word: String, limit: Int) -> [(word: String, damageLog: Double)] {
        var likeliest = LikeliestCandidates(limit: limit)
        visitCandidates(Array(word.utf8), &likeliest)
        return likeliest.ranked.map { (String(decoding: $0.bytes, as: UTF8.self), $0.cost) }
    }

    private struct Collector: CandidateVisitor {
        var found: [String: Double] = [:]

        mutating func visit(_ bytes: [UInt8], cost: Double) {
            let candidate = String(decoding: bytes, as: UTF8.self)
            if cost > found[candidate] ?? -.infinity { found[candidate] = cost }
        }
    }

    /// `candidates` as UTF-8 bytes handed to a visitor, without building strings (a visitor
    /// rather than a closure, so that what it reads is not copied into a closure context for
    /// every candidate); a candidate reachable by several damages comes once per damage.
    func visitCandidates<Visitor: CandidateVisitor>(_ letters: [UInt8], _ visitor: inout Visitor) {
        var built: [UInt8] = []
        built.reserveCapacity(letters.count + 8)
        // Which rules match at each position depends on the word alone, not on the repairs made
        // before it: found once, not at every step of the walk that reaches the position.
        let applicable: [[Rule]] = letters.indices.map { position in
            (rulesByFirst[letters[position]] ?? []).filter { rule in
                (!rule.wordInitial || position == 0)
                    && position + rule.damaged.count <= letters.count
                    && (!rule.betweenConsonants || (position > 0 && position + rule.damaged.count < letters.count
                        && Self.isConsonant(letters[position - 1])
                        && Self.isConsonant(letters[position + rule.damaged.count])))
                    && letters[position..<(position + rule.damaged.count)].elementsEqual(rule.damaged)
            }
        }
        func walk(_ position: Int, _ cost: Double, _ repairs: Int) {
            guard visitor.admits(cost) else { return }
            if position == letters.count {
                if repairs > 0 { visitor.visit(built, cost: cost) }
                return
            }
            let mark = built.count
            built.append(letters[position])
            walk(position + 1, cost, repairs)
            built.removeLast(built.count - mark)
            guard repairs < maximumRepairs else { return }
            for rule in applicable[position] {
                built.append(contentsOf: rule.original)
                walk(position + rule.damaged.count, cost + rule.logProbability, repairs + 1)
                built.removeLast(built.count - mark)
            }
        }
        walk(0, 0, 0)
    }

    static func isConsonant(_ b: UInt8) -> Bool {
        b >= 0x61 && b <= 0x7A && !"aeiouy".utf8.contains(b)
    }

    /// The damage seen in scanned Norwegian council papers.
    public static let norwegianOCR: ConfusionModel = {
        func rule(_ damaged: String, _ original: String, _ p: Double, initial: Bool = false) -> Rule {
            Rule(damaged: Array(damaged.utf8), original: Array(original.utf8), logProbability: log(p), wordInitial: initial)
        }
        func stray(_ letter: String, _ p: Double) -> Rule {
            var r = rule(letter, "", p)
            r.betweenConsonants = true
            return r
        }
        let at = String(OCRGlyphs.at), amp = String(OCRGlyphs.ampersand), bar = String(OCRGlyphs.bar)
        return ConfusionModel(rules: [
            // ø
            rule("g", "ø", 0.25), rule("a", "ø", 0.12), rule("o", "ø", 0.10), rule("ga", "ø", 0.06), rule("ag", "ø", 0.02),
            rule("e", "ø", 0.03), rule("oa", "ø", 0.03), rule("ge", "ø", 0.02), rule("eg", "ø", 0.02), rule("aga", "ø", 0.01),
            rule(at, "ø", 0.6, initial: true),
            // å
            rule("a", "å", 0.35), rule(amp, "å", 0.5), rule("d", "å", 0.04), rule("é", "å", 0.1), rule("éa", "å", 0.05),
            rule("é" + amp, "å", 0.05), rule("a" + amp, "å", 0.05), rule("dd", "å", 0.02), rule("aa", "å", 0.05), rule("4", "å", 0.02),
            rule("di", "å", 0.02),
            // æ
            rule("ae", "æ", 0.3), rule("ee", "æ", 0.25), rule("eae", "æ", 0.05), rule("se", "æ", 0.03), rule("ze", "æ", 0.05),
            rule("e", "æ", 0.02),
            // other letters
            rule(bar, "i", 0.8), rule("0", "o", 0.05), rule("q", "g", 0.02),
            // What Tesseract (5.3, nor) adds, measured on 24 scanned pages of bokmål word-list text
            // (Benchmarks/tesseract-damage.py train), not on the corpus. I and l, one stroke in
            // sans-serif type: a capital I at the start of a word read as l ("ldømme", "l tillegg",
            // 6 of 502 word-initial i/I), an initial l as I (11 of 480, mostly "lp", "lb").
            rule("l", "i", 0.012, initial: true), rule("i", "l", 0.023, initial: true),
            // Its language model's diacritics on plain letters ("åv", "ér", "Förslag": a→å 10 of
            // 4,391, e→é 5 of 9,970, o→ö 1 of 2,283), and n and m split into strokes (n→ri 5 of
            // 5,267, m→rn 1 of 2,004).
            rule("å", "a", 0.0023), rule("é", "e", 0.0005), rule("ö", "o", 0.0004),
            rule("ri", "n", 0.0009), rule("rn", "m", 0.0005),
            // stray letters
            rule("ij", "j", 0.02), rule("ji", "j", 0.02), rule("ie", "je", 0.01), stray("i", 0.005),
        ])
    }()
}

/// Receives the candidates of `ConfusionModel.visitCandidates`.
protocol CandidateVisitor {
    mutating func visit(_ bytes: [UInt8], cost: Double)
    /// Whether a candidate of this cost could still matter. Damage only lowers a reading's log
    /// probability, so the walk leaves a reading as soon as its cost so far is not admitted.
    func admits(_ cost: Double) -> Bool
}

extension CandidateVisitor {
    func admits(_ cost: Double) -> Bool { true }
}
