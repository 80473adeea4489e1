/// Where spellings with and without æ, ø, å meet.
///
/// A user on a foreign keyboard types `horingssvar`, `hoeringssvar` or `radsmote`; the fold key
/// of those and of `høringssvar`/`rådsmøte` is the same. The key is never indexed as a term: the
/// index keeps a map from fold keys to the real terms that have them, so a query expands only to
/// spellings that exist (no `Rø` → `Rollag` drift) and exact spellings keep ranking first.
public enum NorwegianFolding {
    /// Letters are appended one by one, with no string made per letter: the sectioner folds the
    /// first words of every line, and the index every term.
    public static func foldKey(_ term: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        func emit(_ letter: Unicode.Scalar) {
            // The digraphs `oe` and `aa` are how ø and å are written without them.
            if (previous == "o" && letter == "e") || (previous == "a" && letter == "a") { return }
            out.append(letter)
            previous = letter
        }
        for scalar in term.unicodeScalars {
            switch scalar {
            case "æ", "ä": emit("a"); emit("e")
            case "ø", "ö", "ó", "ò", "ô", "õ": emit("o")
            case "å", "á", "à", "â", "ã": emit("a")
            case "é", "è", "ê", "ë": emit("e")
            case "ü", "ú", "ù", "û": emit("u")
            case "í", "ì", "î", "ï": emit("i")
            default: emit(scalar)
            }
        }
        return String(out)
    }

    /// True when the term is written without any letter that folding would change, so the user
    /// may have meant a spelling with æøå.
    public static func mayBeFolded(_ term: String) -> Bool {
        term.unicodeScalars.allSatisfy { $0.isASCII }
    }
}
