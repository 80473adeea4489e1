/// The Snowball Norwegian (bokmål) stemmer, as the current algorithm on snowballstem.org defines
/// it (vowels include ê, ò, ó, ô; the `-ers` rule with its exceptions).
///
/// Written in Swift rather than linked from libstemmer because Debian's libstemmer is an older
/// version that differs on some words; the test suite checks every line of the reference
/// vocabulary. It works on UTF-8 bytes: every suffix is ASCII but `øst`, and UTF-8 suffixes match
/// exactly where scalar suffixes do, so no word is decoded into scalars.
public struct NorwegianStemmer: Sendable {
    /// Whether the last step strips derivational endings (-leg, -lig, -els, -lov, -ig) as Snowball
    /// does. Off, the stemmer strips inflection only.
    public var stripsDerivations = true

    public init(stripsDerivations: Bool = true) {
        self.stripsDerivations = stripsDerivations
    }

    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { input -> String in
            guard input.count > 2, input.count <= 64 else { return String(decoding: input, as: UTF8.self) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count) { buffer -> String in
                _ = buffer.initialize(from: input)
                var length = input.count
                let r1 = Self.regionStart(UnsafeBufferPointer(buffer))
                Self.removeMainSuffix(buffer, &length, r1: r1)
                Self.reduceConsonantPair(buffer, &length, r1: r1)
                if stripsDerivations { Self.removeOtherSuffix(buffer, &length, r1: r1) }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
            }
        }
    }

    // MARK: Letters

    /// a e i o u y, and the two-byte æ å ø ê ò ó ô (C3 A6, A5, B8, AA, B2, B3, B4).
    @inline(__always)
    static func isVowel(_ w: UnsafeBufferPointer<UInt8>, at i: Int) -> (vowel: Bool, width: Int) {
        let b = w[i]
        if b < 0x80 {
            switch b {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return (true, 1)
            default: return (false, 1)
            }
        }
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        if b == 0xC3, i + 1 < w.count {
            switch w[i + 1] {
            case 0xA6, 0xA5, 0xB8, 0xAA, 0xB2, 0xB3, 0xB4: return (true, 2)
            default: break
            }
        }
        return (false, min(width, w.count - i))
    }

    /// R1 as a byte offset: after the first non-vowel that follows a vowel, but not before the
    /// fourth letter.
    static func regionStart(_ w: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        var letters = 0
        var minimum = -1
        var seenVowel = false
        while i < w.count {
            let (vowel, width) = isVowel(w, at: i)
            i += width
            letters += 1
            if letters == 3 { minimum = i }
            if vowel {
                seenVowel = true
            } else if seenVowel {
                // i is just after the first non-vowel following a vowel
                if minimum < 0 {
                    // fewer than three letters so far: R1 starts after the third letter, if any
                    var j = i
                    while letters < 3, j < w.count { j += isVowel(w, at: j).width; letters += 1 }
                    return letters >= 3 ? j : w.count
                }
                return max(i, minimum)
            }
        }
        return w.count
    }

    // MARK: Steps

    private enum MainAction { case delete, ers, sEnding, replaceWithEr }

    /// Longest first, so the first suffix that fits is the one Snowball's `among` picks.
    private static let mainSuffixes: [([UInt8], MainAction)] = {
        let table: [(String, MainAction)] = [
            ("a", .delete), ("e", .delete), ("ede", .delete), ("ande", .delete), ("ende", .delete),
            ("ane", .delete), ("ene", .delete), ("hetene", .delete), ("erte", .replaceWithEr),
            ("en", .delete), ("heten", .delete), ("ar", .delete), ("er", .delete), ("heter", .delete),
            ("s", .sEnding), ("as", .delete), ("es", .delete), ("edes", .delete), ("endes", .delete),
            ("enes", .delete), ("hetenes", .delete), ("ens", .delete), ("hetens", .delete),
            ("ers", .ers), ("ets", .delete), ("et", .delete), ("het", .delete), ("ert", .replaceWithEr),
            ("ast", .delete),
        ]
        return table.map { (Array($0.0.utf8), $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    /// Endings before `-ers` that keep it (`-skap`, `-hav`, `-giv` and a bare stem delete it).
    private static let ersKeepers: [([UInt8], Bool)] = {
        let table: [(String, Bool)] = [
            ("ind", false), ("kk", false), ("nk", false), ("amm", false), ("omm", false), ("kap", false),
            ("skap", true), ("pp", false), ("lt", false), ("ast", false), ("øst", false), ("v", false),
            ("hav", true), ("giv", true),
        ]
        return table.map { (Array($0.0.utf8), $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    private static let otherSuffixes: [[UInt8]] = ["hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig"]
        .map { Array($0.utf8) }.sorted { $0.count > $1.count }
    private static let sEnding: [UInt8] = Array("bcdfghjlmnoptvyz".utf8)

    static func removeMainSuffix(_ w: UnsafeMutableBufferPointer<UInt8>, _ length: inout Int, r1: Int) {
        guard let (suffix, action) = mainSuffixes.first(where: { endsWith(w, length, $0.0, notBefore: r1) }) else { return }
        let start = length - suffix.count
        switch action {
        case .delete:
            length = start
        case .replaceWithEr:
            w[start] = UInt8(ascii: "e")
            w[start + 1] = UInt8(ascii: "r")
            length = start + 2
        case .ers:
            let keeper = ersKeepers.first(where: { endsWith(w, start, $0.0) })
            if keeper == nil || keeper!.1 { length = start }
        case .sEnding:
            guard start >= 1 else { return }
            let previous = w[start - 1]
            let deletable: Bool
            if sEnding.contains(previous) {
                deletable = true
            } else if previous == UInt8(ascii: "r") {
                deletable = !(start >= 2 && w[start - 2] == UInt8(ascii: "e"))
            } else if previous == UInt8(ascii: "k") {
                deletable = start >= 2 && !isVowelEnding(UnsafeBufferPointer(w), before: start - 1)
            } else {
                deletable = false
            }
            if deletable { length = start }
        }
    }

    /// Whether the letter that ends just before byte `end` is a vowel (false at the word start).
    private static func isVowelEnding(_ w: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var i = end - 1
        while i > 0, w[i] & 0xC0 == 0x80 { i -= 1 }
        return isVowel(UnsafeBufferPointer(rebasing: w[..<end]), at: i).vowel
    }

    static func reduceConsonantPair(_ w: UnsafeMutableBufferPointer<UInt8>, _ length: inout Int, r1: Int) {
        guard length >= 2, length - 2 >= r1, w[length - 1] == UInt8(ascii: "t") else { return }
        if w[length - 2] == UInt8(ascii: "d") || w[length - 2] == UInt8(ascii: "v") { length -= 1 }
    }

    static func removeOtherSuffix(_ w: UnsafeMutableBufferPointer<UInt8>, _ length: inout Int, r1: Int) {
        if let suffix = otherSuffixes.first(where: { endsWith(w, length, $0, notBefore: r1) }) {
            length -= suffix.count
        }
    }

    @inline(__always)
    static func endsWith(_ w: UnsafeMutableBufferPointer<UInt8>, _ length: Int, _ s: [UInt8], notBefore limit: Int = 0) -> Bool {
        guard length >= s.count, length - s.count >= limit else { return false }
        var i = length - s.count
        for byte in s {
            if w[i] != byte { return false }
            i += 1
        }
        return true
    }
}
