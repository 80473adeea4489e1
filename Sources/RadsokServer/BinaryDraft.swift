extension APIRoutes {
    /// Whether a draft is binary data rather than text: more than 5% (and more than two) of its
    /// characters are control characters other than tab, line and form feed and carriage return,
    /// or bytes that were not UTF-8 (read as U+FFFD). The indexer skips such files by the same
    /// rule; compared with the corpus, they would only find passages sharing noise.
    static func looksBinary(_ draft: String) -> Bool {
        var odd = 0
        var all = 0
        for scalar in draft.unicodeScalars {
            all += 1
            let control = scalar.properties.generalCategory == .control && !["\t", "\n", "\r", "\u{0C}"].contains(scalar)
            if control || scalar == "\u{FFFD}" { odd += 1 }
        }
        return odd > 2 && odd * 20 > all
    }
}
