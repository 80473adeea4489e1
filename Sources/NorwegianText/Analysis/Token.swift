/// One term occurrence produced by the analysis chain.
///
/// Like a Lucene token it carries the term text, its position and its exact range in the
/// original text, so that filters can add terms beside it (same position) without losing the
/// place the highlighter and phrase matcher need.
public struct Token: Sendable, Hashable {
    /// The term as it will be indexed or looked up (folded, possibly stemmed).
    public var text: String
    /// Word position in the analyzed text; tokens added by a filter share the position of the
    /// word they describe.
    public var position: Int32
    /// UTF-16 offsets of the word in the analyzed text, as written.
    public var range: Range<Int32>
    public var flags: Flags

    public init(text: String, position: Int32, range: Range<Int32>, flags: Flags = []) {
        self.text = text
        self.position = position
        self.range = range
        self.flags = flags
    }

    /// Facts about the written form that later filters decide on.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        /// Written in capitals (`KSF`, `NOU`): an acronym, not a word to stem or repair.
        public static let uppercase = Flags(rawValue: 1 << 0)
        /// Contains a digit (`HO21`, `2025`, `8/1/2025`).
        public static let hasDigit = Flags(rawValue: 1 << 1)
        /// Protected from rewriting filters (stemming, repair), like Lucene's keyword marker.
        public static let keyword = Flags(rawValue: 1 << 2)
        /// A case or meeting number joined from its parts (`8/1/25` → `8/1/2025`).
        public static let caseNumber = Flags(rawValue: 1 << 3)
        /// Added by a filter beside the written word (a repair, a folded spelling, a compound part).
        public static let synonym = Flags(rawValue: 1 << 4)
    }
}
