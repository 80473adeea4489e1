import ArgumentParser
import Foundation
import SearchIndex

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Every case on a topic, year by year and meeting by meeting, with its decision.",
        discussion: """
            Text outside cases (annual reports, attachments) is shown under the cases it cites \
            ("sak 8/1/22"), or under its year as a mention.
            """
    )

    @Argument(help: "The words to search for.")
    var query: [String] = []

    @OptionGroup var location: LocationOptions

    @OptionGroup var filters: FilterOptions

    @Flag(help: "Newest meeting first.")
    var newestFirst = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        try filters.requireWords(or: query)
    }

    func run() throws {
        let filter = try filters.filter()
        let response: TimelineResponse
        do {
            response = try location.withIndex { reader in
                var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
                return try SearchService(reader: reader).timeline(query.joined(separator: " "), filter: filter,
                                                                  newestFirst: newestFirst, texts: &texts)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch let problem as SearchService.QueryProblem {
            throw CommandFailure.usage(problem.description)
        } catch {
            throw CommandFailure.failure(String(describing: error))
        }
        print(json ? try ContractJSON.string(response) : Self.render(response))
    }

    static func render(_ response: TimelineResponse) -> String {
        guard !response.meetings.isEmpty || !response.mentions.isEmpty else {
            return NoAnswer.line("cases", query: response.query)
        }
        var lines: [String] = []
        var year: Int?
        for meeting in response.meetings {
            if meeting.year != year {
                year = meeting.year
                let counts = response.years.first { $0.year == meeting.year }
                let tally = Plural.count(counts?.cases ?? 0, "sak", "saker") + ", "
                    + Plural.count(counts?.mentions ?? 0, "omtale", "omtaler")
                lines.append(Terminal.bold("\(meeting.year)") + Terminal.dim("  " + tally))
            }
            lines.append("  Møte \(meeting.meeting)" + (meeting.date.map { " · \($0)" } ?? ""))
            for entry in meeting.cases {
                lines.append("    " + Terminal.bold("Sak \(entry.caseID)") + "  " + (entry.title ?? "") + Terminal.dim("  (\(entry.kinds.joined(separator: ", ")))"))
                if let decision = entry.decision { lines.append("      Vedtak: " + decision.text) }
                for mention in entry.mentions { lines.append(Terminal.dim("      omtalt i \(mention.file):\(mention.lines[0])-\(mention.lines[1])")) }
            }
        }
        if !response.mentions.isEmpty {
            lines.append(Terminal.bold("Omtaler utenfor saker"))
            for mention in response.mentions {
                let head = "\(mention.year.map(String.init) ?? "uten år") · \(mention.file):\(mention.lines[0])-\(mention.lines[1])"
                lines.append("  " + head + (mention.title.map { "  " + $0 } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}
