import Foundation
import NorwegianText
import SearchIndex

/// What one fuzz input is fed to. Each target checks the invariants a crash would not show
/// (token ranges inside the text, answers the same twice) with `precondition`, so that libFuzzer
/// reports a broken invariant like a crash.
enum FuzzTarget: String, CaseIterable {
    /// Parser, planner, searcher and snippets over a small index.
    case query
    /// The analysis chain: ICU word breaking, normalization, folding, stemming, OCR repair.
    case tokenizer

    static var selected: FuzzTarget {
        ProcessInfo.processInfo.environment["RADSOK_FUZZ_TARGET"].flatMap(FuzzTarget.init) ?? .query
    }

    func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .query: Self.query(text)
        case .tokenizer: Self.tokenize(text)
        }
    }

    private static func query(_ text: String) {
        let service = FuzzIndex.service
        var texts = SectionTextSource(reader: service.reader, corpusPath: FuzzIndex.corpus)
        _ = QueryParser().parse(text)
        // No deadline: a slow input is libFuzzer's to report (-timeout), and a deadline that cut
        // one of the two runs would look like two answers.
        let first = try? service.search(text, limit: 10, texts: &texts)
        let again = try? service.search(text, limit: 10, texts: &texts)
        precondition(first?.hits.map(\.sectionID) == again?.hits.map(\.sectionID), "two answers to one query")
    }

    private static func tokenize(_ text: String) {
        let utf16 = text.utf16.count
        for analyzer in [Analyzer.norwegian, FuzzIndex.repairing] {
            var last: Int32 = -1
            for token in analyzer.analyze(text) {
                precondition(token.range.lowerBound >= 0 && Int(token.range.upperBound) <= utf16, "token outside the text")
                precondition(token.position >= last, "positions went backwards")
                last = token.position
            }
        }
    }
}

/// A small corpus indexed once per fuzzing process: enough vocabulary for expansions, phrases,
/// filters and snippets to run, small enough to build in a second under instrumentation.
enum FuzzIndex {
    static let corpus: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let documents = [
            "møte-2025-1.txt": """
                HelseOmsorg21-rådet, møte 1/2025, 24. februar 2025

                Sak 8/1/2025 Bedre tilgang til og økt bruk av helsedata
                Rådet diskuterte helsedata, Helsedataservice og KSF (Kommunenes strategiske forskningsorgan).
                Forslag til vedtak: Rådet tar saken til orientering.
                Vedtak: Rådet sluttet seg til innspillet om bærekraft på legekontoret.
                """,
            "referat-2023-5.txt": """
                Referat fra mgte 5/2023 i HO21-radet

                Sak 52/5/2023 Hgringssvar om kliniske studier
                Radet ba sekretariatet utarbeide et høringssvar. Tidligere behandlet i sak 8/1/22.
                """,
        ]
        for (name, text) in documents { try? Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder.path
    }()

    static let service: SearchService = {
        let index = corpus + "-index"
        do {
            try IndexBuilder().build(corpus: corpus, into: index)
            return SearchService(reader: try IndexReader.open(folder: index))
        } catch {
            fatalError("the fuzz index could not be built: \(error)")
        }
    }()

    /// Repair with a lexicon of clean Norwegian words, so that the repairer's candidate search runs.
    static let repairing: Analyzer = {
        var lexicon = Lexicon()
        lexicon.addText("møte rådet på være helsedata høringssvar bærekraft Øystein legekontoret forskning sak vedtak")
        lexicon.finish()
        return Analyzer.norwegian.withOCRRepair(WordRepairer(lexicon: lexicon))
    }()
}
