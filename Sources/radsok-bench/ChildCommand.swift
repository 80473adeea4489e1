import ArgumentParser
import Foundation
import SearchIndex

/// The measured steps, each run in a process of its own by `run`.
struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "child", abstract: "One measured step (used by 'run').", shouldDisplay: false)

    enum Step: String, ExpressibleByArgument {
        case indexRadsok = "index-radsok", indexFTS5 = "index-fts5", coldRadsok = "cold-radsok", coldFTS5 = "cold-fts5"
    }

    @Argument var step: Step
    @Option var corpus = ""
    @Option var target = ""
    @Option var query = "helsedata"

    func run() throws {
        let start = DispatchTime.now()
        switch step {
        case .indexRadsok:
            try IndexBuilder().build(corpus: corpus, into: target)
        case .indexFTS5:
            _ = try FTS5Engine.build(corpus: corpus, database: target)
        case .coldRadsok:
            let reader = try IndexReader.open(folder: target)
            let hits = Searcher(reader: reader).search(QueryPlanner().plan(query, reader: reader), limit: 10).hits
            precondition(hits.count <= 10)
        case .coldFTS5:
            let searcher = try FTS5Engine.Searcher(database: target, limit: 10)
            _ = searcher.search(BenchQuery(kind: .words, words: query.split(separator: " ").map(String.init)).fts5Match)
            searcher.close()
        }
        print(Latency.milliseconds(since: start) / 1000)
    }
}
