import CouncilDocuments
import NorwegianText

/// Section titles as a field of their own: a case whose title names the topic ("Bedre tilgang
/// til og økt bruk av helsedata") is about it, more than a section that mentions it in passing.
///
/// Title terms live in the same dictionary under a prefix that no analyzed word can start with.
public enum TitleField {
    static let prefix = "\u{1}"
    /// The first byte of every title term.
    static let marker: UInt8 = prefix.utf8.first!

    /// The title to index for a section: a case's title, or the heading a piece of other text
    /// starts with. Not for agenda lines (the title is all their text) nor for later parts of a
    /// long case (they do not start with it).
    static func indexedTitle(of section: Section) -> String? {
        guard section.kind != .saksliste, !section.isContinuation else { return nil }
        return section.title
    }

    static func token(_ token: Token) -> Token {
        var titled = token
        titled.text = prefix + token.text
        return titled
    }

    public static func term(for bodyTerm: String) -> String { prefix + bodyTerm }

    static func isTitleTerm(_ term: String) -> Bool { term.hasPrefix(prefix) }
}
