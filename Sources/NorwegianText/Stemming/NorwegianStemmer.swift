/// The Snowball Norwegian (bokmål) stemmer, as the current algorithm on snowballstem.org defines
/// it (vowels include ê, ò, ó, ô; the `-ers` rule with its exceptions).
///
/// Written in Swift rather than linked from libstemmer because Debian's libstemmer is an older
/// version that differs on some words; the test suite checks every line of the reference
/// vocabulary.
public struct NorwegianStemmer: Sendable {
    public init() {}

    public func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        guard letters.count > 2 else { return word }
        let r1 = Self.regionStart(letters)
        let before = letters.count
        Self.removeMainSuffix(&letters, r1: r1)
        Self.reduceConsonantPair(&letters, r1: r1)
        Self.removeOtherSuffix(&letters, r1: r1)
        if letters.count == before { return word }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters)
        return String(view)
    }

    // MARK: Regions

    static let vowels: Set<Unicode.Scalar> = ["a", "e", "ê", "i", "o", "ò", "ó", "ô", "u", "y", "æ", "å", "ø"]
    static let sEnding: Set<Unicode.Scalar> = ["b", "c", "d", "f", "g", "h", "j", "l", "m", "n", "o", "p", "t", "v", "y", "z"]

    /// R1: after the first non-vowel that follows a vowel, but not before the fourth letter.
    static func regionStart(_ w: [Unicode.Scalar]) -> Int {
        guard w.count >= 3 else { return w.count }
        guard let firstVowel = w.firstIndex(where: { vowels.contains($0) }) else { return w.count }
        var i = firstVowel + 1
        while i < w.count, vowels.contains(w[i]) { i += 1 }
        guard i < w.count else { return w.count }
        return max(i + 1, 3)
    }

    // MARK: Steps

    private enum MainAction { case delete, ers, sEnding, replaceWithEr }

    /// Longest first, so the first suffix that fits is the one Snowball's `among` picks.
    private static let mainSuffixes: [([Unicode.Scalar], MainAction)] = {
        let table: [(String, MainAction)] = [
            ("a", .delete), ("e", .delete), ("ede", .delete), ("ande", .delete), ("ende", .delete),
            ("ane", .delete), ("ene", .delete), ("hetene", .delete), ("erte", .replaceWithEr),
            ("en", .delete), ("heten", .delete), ("ar", .delete), ("er", .delete), ("heter", .delete),
            ("s", .sEnding), ("as", .delete), ("es", .delete), ("edes", .delete), ("endes", .delete),
            ("enes", .delete), ("hetenes", .delete), ("ens", .delete), ("hetens", .delete),
            ("ers", .ers), ("ets", .delete), ("et", .delete), ("het", .delete), ("ert", .replaceWithEr),
            ("ast", .delete),
        ]
        return table.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    /// Endings before `-ers` that keep it (`-skap`, `-hav`, `-giv` and a bare stem delete it).
    private static let ersKeepers: [([Unicode.Scalar], Bool)] = {
        let table: [(String, Bool)] = [
            ("ind", false), ("kk", false), ("nk", false), ("amm", false), ("omm", false), ("kap", false),
            ("skap", true), ("pp", false), ("lt", false), ("ast", false), ("øst", false), ("v", false),
            ("hav", true), ("giv", true),
        ]
        return table.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    private static let otherSuffixes: [[Unicode.Scalar]] = ["hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig"]
        .map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    private static let dt: [Unicode.Scalar] = ["d", "t"]
    private static let vt: [Unicode.Scalar] = ["v", "t"]

    static func removeMainSuffix(_ w: inout [Unicode.Scalar], r1: Int) {
        guard let (suffix, action) = mainSuffixes.first(where: { endsWith(w, $0.0, notBefore: r1) }) else { return }
        let start = w.count - suffix.count
        switch action {
        case .delete:
            w.removeSubrange(start...)
        case .replaceWithEr:
            w.replaceSubrange(start..., with: ["e", "r"])
        case .ers:
            let stem = Array(w[..<start])
            let keeper = ersKeepers.first(where: { endsWith(stem, $0.0) })
            if keeper == nil || keeper!.1 { w.removeSubrange(start...) }
        case .sEnding:
            guard start >= 1 else { return }
            let previous = w[start - 1]
            let deletable: Bool
            if sEnding.contains(previous) {
                deletable = true
            } else if previous == "r" {
                deletable = !(start >= 2 && w[start - 2] == "e")
            } else if previous == "k" {
                deletable = start >= 2 && !vowels.contains(w[start - 2])
            } else {
                deletable = false
            }
            if deletable { w.removeSubrange(start...) }
        }
    }

    static func reduceConsonantPair(_ w: inout [Unicode.Scalar], r1: Int) {
        if endsWith(w, dt, notBefore: r1) || endsWith(w, vt, notBefore: r1) {
            w.removeLast()
        }
    }

    static func removeOtherSuffix(_ w: inout [Unicode.Scalar], r1: Int) {
        if let suffix = otherSuffixes.first(where: { endsWith(w, $0, notBefore: r1) }) {
            w.removeLast(suffix.count)
        }
    }

    static func endsWith(_ w: [Unicode.Scalar], _ s: [Unicode.Scalar], notBefore limit: Int = 0) -> Bool {
        guard w.count - s.count >= limit, w.count >= s.count else { return false }
        return w[(w.count - s.count)...].elementsEqual(s)
    }
}
