/// How much of a text is names: the share of its words that begin with a capital letter where a
/// sentence does not begin (not after `.`, `!`, `?`, `:` or a line break). Running Norwegian text
/// capitalizes little but proper names, so prose is mostly under a fifth; an attendance list, a
/// copy list or a table of organisations is mostly names ("Helene Brandstorp, Helsedirektoratet").
///
/// A list of names says who took part, not what was said: a section that is mostly names is weak
/// evidence of what a topic's sections talk about.
public enum NameShare {
    /// Between 0 (no names, or no words) and 1 (every word past a sentence's first is a name).
    public static func of(_ text: String) -> Double {
        var words = 0, names = 0
        var sentenceStart = true
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                if !inWord {
                    inWord = true
                    words += 1
                    if !sentenceStart, scalar.properties.isUppercase { names += 1 }
                    sentenceStart = false
                }
            } else if scalar.properties.numericType != nil || scalar == "-" || scalar == "'" {
                // Inside a word ("e-helse", "HO21") or a number: neither ends nor starts one.
                if !inWord { sentenceStart = false }
            } else {
                inWord = false
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" || scalar == "\n" {
                    sentenceStart = true
                }
            }
        }
        return words == 0 ? 0 : Double(names) / Double(words)
    }
}
