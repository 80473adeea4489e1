import ArgumentParser
import Evaluation
import Foundation
import SearchIndex

extension SearchService.Widening: ExpressibleByArgument {}

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score search quality on a relevance set: nDCG@10, Recall@10/@50 and MRR per scenario.",
        discussion: """
            The relevance set is JSON like Tests/EvaluationTests/Fixtures/qrels-dev.json: queries with \
            their graded judgments.
            """
    )

    @Argument(help: "The relevance judgments (JSON).")
    var qrels: String

    @OptionGroup var location: LocationOptions

    @Flag(help: "Print JSON: overall, scenarios and per-query scores.")
    var json = false

    @Flag(name: .customLong("per-query"), help: "Add a row per query to the table.")
    var perQuery = false

    @Flag(help: "Add the queries with odd and with even ids, scored apart (the halves a ranking change must not lose on).")
    var halves = false

    @Option(help: "How queries are widened by pseudo-relevance feedback: none, feedback (as search does) or recall.")
    var widening: SearchService.Widening = .feedback

    func run() throws {
        let judgments: RelevanceJudgments
        do {
            judgments = try RelevanceJudgments.load(path: qrels)
        } catch {
            throw CommandFailure.failure("cannot read relevance set \(qrels): \(error.localizedDescription)")
        }
        let reader = try location.openIndex()
        let report = EvaluationReport.evaluate(judgments, reader: reader, widening: widening)
        if json {
            print(try ContractJSON.string(report))
        } else {
            print(report.table(perQuery: perQuery, halves: halves))
        }
    }
}
