extension SnippetBuilder {
    /// Where the words of `terms` stand in `text`, in order, as UTF-16 offsets (a browser's string
    /// indices): what a snippet marks, and what a shown case marks in its whole text.
    /// - Parameter readings: other readings of a word (an OCR-damaged word's repairs).
    func matches(in text: String, terms: Set<String>, readings: ((String) -> [String])? = nil,
                 deadline: Deadline = .never) throws(DeadlineExceeded) -> [Match] {
        try deadline.check()
        let tokens = analyzer.analyze(text)
        try deadline.check()
        var matches: [Match] = []
        var matchedReading: [String: String?] = [:]
        for (step, token) in tokens.enumerated() {
            try deadline.check(step: step)
            var term: String? = terms.contains(token.text) ? token.text : nil
            if term == nil, let readings {
                if let known = matchedReading[token.text] {
                    term = known
                } else {
                    term = readings(token.text).first(where: terms.contains)
                    matchedReading[token.text] = term
                }
            }
            guard let term else { continue }
            let range = Int(token.range.lowerBound)..<Int(token.range.upperBound)
            if matches.last?.range != range { matches.append((range, term)) }
        }
        return matches
    }
}
