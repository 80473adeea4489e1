/// Where spellings with and without æ, ø, å meet.
///
/// A user on a foreign keyboard types `horingssvar`, `hoeringssvar` or `radsmote`; the fold key
/// of those and of `høringssvar`/`rådsmøte` is the same. The key is never indexed as a term: the
/// index keeps a map from fold keys to the real terms that have them, so a query expands only to
/// spellings that exist (no `Rø` → `Rollag` drift) and exact spellings keep ranking first.
public enum NorwegianFolding {
    public static func foldKey(_ term: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in term.unicodeScalars {
            let mapped: String.UnicodeScalarView
            switch scalar {
            case "æ", "ä": mapped = "ae".unicodeScalars
            case "ø", "ö", "ó", "ò", "ô", "õ": mapped = "o".unicodeScalars
            case "å", "á", "à", "â", "ã": mapped = "a".unicodeScalars
            case "é", "è", "ê", "ë": mapped = "e".unicodeScalars
            case "ü", "ú", "ù", "û": mapped = "u".unicodeScalars
            case "í", "ì", "î", "ï": mapped = "i".unicodeScalars
            default: mapped = String.UnicodeScalarView([scalar])
            }
            for letter in mapped {
                // The digraphs `oe` and `aa` are how ø and å are written without them.
                if (previous == "o" && letter == "e") || (previous == "a" && letter == "a") { continue }
                out.append(letter)
                previous = letter
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
