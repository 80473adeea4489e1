import ArgumentParser
import Foundation
import SearchIndex

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the corpus; ranked sections with case, meeting, date and a snippet.",
        discussion: """
            Words are matched in all their inflected forms (høringssvar, høringssvaret) and \
            also when typed without æ, ø, å (horingssvar, hoeringssvar, radsmote). Sections \
            with all the words come first.

            Filters can be written in the query: type:vedtak år:2025 møte:1/2025 sak:8/1/2025 \
            fra:2023-01-01 til:2023-12-31 (also kind:, year:, meeting:, case:, from:, to:).
            A query of filters alone lists what they select, newest first.
            """
    )

    @Argument(help: "The words to search for.")
    var query: [String] = []

    @OptionGroup var location: LocationOptions

    @OptionGroup var filters: FilterOptions

    @Option(help: "How many hits (or cases) to show (1–1000).")
    var limit = 10

    @Flag(help: "List each matching case once, with its meeting, date, the kinds of sections found and the best snippet.")
    var cases = false

    @Option(help: "Order of hits or --cases: relevance, date (newest first) or oldest; undated sections last.")
    var sort: SearchService.CaseOrder = .relevance

    @Flag(help: "Print one JSON object instead of text (its fields: README.md, 'JSON').")
    var json = false

    @Flag(help: "Widen for recall: the terms the best sections share (RM3 feedback) also rank the sections with the typed words.")
    var recall = false

    @Flag(help: "Add synonyms from the thesaurus (mythes-no, when installed) at a low weight, below the typed words.")
    var synonyms = false

    @Flag(name: .customLong("as-typed"), help: "No feedback terms: only the words typed and their spellings.")
    var asTyped = false

    @Flag(name: .customLong("prefix-last"), help: "Match the last word as the start of a word too, as a search box does while typing.")
    var prefixLast = false

    @Flag(help: "Show which index terms each word became and why (exact, folded æøå spelling, title), and each hit's BM25 contributions.")
    var explain = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        try filters.requireWords(or: query)
        if recall && asTyped { throw ValidationError("--recall and --as-typed exclude each other") }
    }

    func run() throws {
        let filter = try filters.filter()
        let text = query.joined(separator: " ")
        do {
            print(try location.withIndex { reader in try answer(text, filter: filter, reader: reader) })
        } catch let problem as SearchService.QueryProblem {
            throw CommandFailure.usage(problem.description)
        } catch let error as IndexError {
            throw CommandFailure.failure(error.description)
        }
    }

    /// The answer as printed.
    private func answer(_ text: String, filter: SearchFilter, reader: IndexReader) throws -> String {
        var service = SearchService(reader: reader)
        service.widening = recall ? .recall : asTyped ? .none : .feedback
        if synonyms { service.planner.synonymWeight = Self.synonymWeight }
        service.planner.prefixLast = prefixLast
        var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
        if cases {
            let response = try service.searchCases(text, filter: filter, order: sort, limit: limit, texts: &texts)
            return json ? try Self.encode(response) : HitFormatter.render(response)
        }
        let started = DispatchTime.now()
        let query = try service.plan(text, filter: filter, texts: &texts)
        let response = try service.search(query, order: .init(sort), limit: limit, texts: &texts, started: started)
        if json { return try Self.encode(response) }
        guard explain else { return HitFormatter.render(response) }
        let explained = HitFormatter.explain(query) + "\n"
            + HitFormatter.render(response) { service.searcher.explain(query, section: $0.sectionID) }
        // Explaining reads postings the search did not.
        try reader.checkIntact()
        return explained
    }

    /// The weight of a synonym with `--synonyms`: below a folded spelling or a compound.
    static let synonymWeight = 0.3

    static func encode(_ value: some Encodable) throws -> String {
        return try ContractJSON.string(value)
    }
}

extension SearchService.CaseOrder: ExpressibleByArgument {}

/// The readable list of hits for a terminal.
enum HitFormatter {
    static func render(_ response: CaseSearchResponse) -> String {
        guard !response.cases.isEmpty else { return NoAnswer.line("cases", query: response.query) }
        var lines: [String] = []
        for (rank, hit) in response.cases.enumerated() {
            lines.append("\(String(format: "%2d", rank + 1)). " + Terminal.bold("Sak \(hit.caseID)") + "  " + Terminal.bold(hit.title ?? ""))
            var facts = ["møte \(hit.meeting)"]
            if let date = hit.date { facts.append(date) }
            facts.append(hit.kinds.joined(separator: ", "))
            facts.append("\(hit.best.file):\(hit.best.lines[0])-\(hit.best.lines[1])")
            lines.append("    " + Terminal.dim(facts.joined(separator: " · ")))
            lines.append("    " + (hit.best.note ?? Terminal.snippet(hit.best.snippetValue)))
            if let decision = hit.decision { lines.append("    " + Terminal.bold("Vedtak:") + " " + decision.text) }
            lines.append("")
        }
        lines.append("\(response.cases.count) of " + Plural.count(response.total, "matching case")
                     + String(format: ", %.2f ms", response.tookMs))
        return lines.joined(separator: "\n")
    }

    /// What the query became: each clause's words with their terms and the reason for each.
    static func explain(_ query: Query) -> String {
        var lines = ["Query:"]
        if let intent = query.intent {
            lines.append("  intent: \(intent.rawValue) (the question's frame is not searched for; decisions and minutes"
                         + " rank first, and a decision is found by its case's words)")
        }
        func describe(_ word: QueryWord, indent: String) {
            let terms = word.terms.map { "\($0.term) (\($0.reason.rawValue)\($0.weight < 1 ? String(format: " ×%.2f", $0.weight) : ""))" }
            lines.append("\(indent)\(word.written) → " + (terms.isEmpty ? "no such term in the index" : terms.joined(separator: ", "))
                         + (word.titleTerms.isEmpty ? "" : "; also in titles"))
            if !word.parts.isEmpty {
                lines.append(indent + "  " + String(format: "or all its compound parts (×%.2f):", word.partsWeight))
                word.parts.forEach { describe($0, indent: indent + "    ") }
            }
        }
        func describe(_ clause: QueryClause, indent: String) {
            switch clause {
            case .word(let word):
                describe(word, indent: indent)
            case .phrase(let phrase):
                lines.append("\(indent)phrase \(clause.written), words at consecutive positions:")
                phrase.words.forEach { describe($0, indent: indent + "  ") }
            case .anyOf(let clauses):
                lines.append("\(indent)any of:")
                clauses.forEach { describe($0, indent: indent + "  ") }
            case .allOf(let clauses):
                lines.append("\(indent)all of:")
                clauses.forEach { describe($0, indent: indent + "  ") }
            }
        }
        query.clauses.filter { !$0.isExpansion }.forEach { describe($0, indent: "  ") }
        let added = query.clauses.filter(\.isExpansion)
        if !added.isEmpty {
            lines.append("  added by expansion" + (query.blendsExpansions ? "" : " (they rank only sections without a typed word)") + ":")
            added.forEach { describe($0, indent: "    ") }
        }
        for clause in query.excluded {
            lines.append("  excluded:")
            describe(clause, indent: "    ")
        }
        if !query.filter.isEmpty { lines.append("  filters: \(query.filter)") }
        query.notes.forEach { lines.append("  note: \($0)") }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    static func render(_ response: SearchResponse, explaining: ((SearchHit) -> Explanation)? = nil) -> String {
        let suggestion = response.suggestion.map { "Did you mean: \($0)" }
        guard !response.hits.isEmpty else {
            return NoAnswer.line("sections", query: response.query) + (suggestion.map { "\n" + $0 } ?? "")
        }
        var lines: [String] = []
        for (rank, hit) in response.hits.enumerated() {
            var head = "\(String(format: "%2d", rank + 1)). "
            if let id = hit.caseID { head += Terminal.bold("Sak \(id)") + "  " }
            head += Terminal.bold(hit.title ?? "(\(hit.kind))")
            lines.append(head)
            var facts = [Place.text(file: hit.file, lines: hit.lines, pages: hit.pages), hit.kind]
            if let meeting = hit.meeting { facts.append("møte \(meeting)") }
            if let date = hit.date { facts.append(date) }
            facts.append(String(format: "score %.2f", hit.score))
            lines.append("    " + Terminal.dim(facts.joined(separator: " · ")))
            lines.append("    " + (hit.note ?? Terminal.snippet(hit.snippetValue)))
            if let explanation = explaining?(hit) {
                for c in explanation.contributions {
                    lines.append("    " + Terminal.dim(String(format: "%@ → %@ (%@): tf %d, %.3f", c.word, c.term, c.reason.rawValue, c.frequency, c.score)))
                }
                if explanation.kindWeight != 1 {
                    lines.append("    " + Terminal.dim(String(format: "(word scores × %.2f in a %@ section for this query)",
                                                              explanation.kindWeight, hit.kind)))
                }
            }
            lines.append("")
        }
        lines.append("\(response.hits.count) of " + (response.totalIsLowerBound ? "at least " : "")
                     + Plural.count(response.total, "matching section")
                     + String(format: ", %.2f ms", response.tookMs))
        if let suggestion { lines.append(suggestion) }
        return lines.joined(separator: "\n")
    }
}
