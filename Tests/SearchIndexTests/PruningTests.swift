import CouncilDocuments
import Foundation
import Testing
@testable import SearchIndex

@Suite("Pruning: a top-k query passes over sections that cannot reach its top, and keeps the same hits")
struct PruningTests {
    static let corpus: Result<TestIndex, any Error> = Result { try TestIndex.ofRepositoryCorpus() }

    /// Queries drawn with a fixed seed from the corpus's own words, as `radsok-bench` draws its
    /// set: one to four words (common words most often, as they occur), phrases of neighbours,
    /// prefixes, and the operators users write.
    static func queries(_ index: TestIndex, count: Int) throws -> [String] {
        var words: [String] = []
        for file in try CorpusScanner.files(in: index.corpus).prefix(30) {
            let text = try DocumentReader.read(path: file.path, id: file.id).text
            words += text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter { $0.count >= 3 }
        }
        var random = TestRandom(seed: 11)
        func word() -> String { words[random.below(words.count)] }
        var queries: [String] = []
        for i in 0..<count {
            let some = (0...(i % 4)).map { _ in word() }
            switch i % 8 {
            case 5: queries.append("\"\(some.prefix(2).joined(separator: " "))\" \(word())")
            case 6: queries.append("\(word()) -\(word())")
            case 7: queries.append("\(String(word().prefix(4)))* \(word()) OR \(word())")
            default: queries.append(some.joined(separator: " "))
            }
        }
        return queries + ["og", "og i på", "rådet møte", "helse og omsorg", "horingssvar", "helsedata type:vedtak"]
    }

    @Test("the best sections at depths 1 to 20 and the first pages equal exhaustive scoring, over 400 drawn queries")
    func sameHitsAsExhaustive() throws {
        let index = try Self.corpus.get()
        let reader = index.reader
        let pruning = Searcher(reader: reader)
        var exhaustive = Searcher(reader: reader)
        exhaustive.prunes = false
        var prunedSomewhere = false
        for text in try Self.queries(index, count: 400) {
            let query = reader.plan(text)
            for depth in [1, 4, 20] {
                let a = pruning.ranked(query, limit: depth), b = exhaustive.ranked(query, limit: depth)
                #expect(a.hits.map(\.sectionID) == b.hits.map(\.sectionID), "\(text) top \(depth)")
                #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(text) top \(depth)")
                prunedSomewhere = prunedSomewhere || a.totalIsLowerBound
            }
            for (limit, offset) in [(10, 0), (10, 20), (3, 0)] {
                let a = pruning.search(query, limit: limit, offset: offset)
                let b = exhaustive.search(query, limit: limit, offset: offset)
                #expect(a.hits.map(\.sectionID) == b.hits.map(\.sectionID), "\(text) @\(offset)")
                #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(text) @\(offset)")
                #expect(a.hits.map(\.matchedWords) == b.hits.map(\.matchedWords), "\(text) @\(offset)")
                #expect(a.total <= b.total, "\(text)")
                #expect(a.totalIsLowerBound || a.total == b.total, "\(text): an exact total must be exact")
                prunedSomewhere = prunedSomewhere || a.totalIsLowerBound
            }
        }
        #expect(prunedSomewhere, "no query pruned anything: the test compares nothing")
    }

    /// Sections of random lengths over a small vocabulary drawn unevenly, in files of cases and
    /// attachments: every word has many blocks, and many sections tie.
    static func denseFiles() -> [String: String] {
        let vocabulary = (0..<40).map { "ord\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0 / 26)" }
        var random = TestRandom(seed: 5)
        var files: [String: String] = [:]
        for file in 0..<4 {
            var text = ""
            for n in 1...300 {
                let words = (0..<(1 + random.below(30))).map { _ in vocabulary[min(random.below(40), random.below(40))] }
                text += file % 2 == 0 ? "Sak \(n)/\(file + 1)/2025 Tittel \(vocabulary[random.below(40)])\n\n" : ""
                text += words.joined(separator: " ") + ".\n\n"
            }
            files[file % 2 == 0 ? "møte-\(file).txt" : "vedlegg-\(file).txt"] = text
        }
        return files
    }

    @Test("over a dense corpus where most blocks are skipped, the best sections equal exhaustive scoring")
    func denseCorpusSameHits() throws {
        try TestCorpus.withIndex(Self.denseFiles()) { reader in
            let pruning = Searcher(reader: reader)
            var exhaustive = Searcher(reader: reader)
            exhaustive.prunes = false
            var random = TestRandom(seed: 9)
            var skipped = 0
            for i in 0..<300 {
                let text = (0...(i % 3)).map { _ in "ord\(String(UnicodeScalar(UInt8(97 + random.below(40) % 26))))0" }.joined(separator: " ")
                let query = reader.plan(text)
                for depth in [1, 3, 10, 58] {
                    let a = pruning.ranked(query, limit: depth), b = exhaustive.ranked(query, limit: depth)
                    #expect(a.hits.map(\.sectionID) == b.hits.map(\.sectionID), "\(text) top \(depth)")
                    #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(text) top \(depth)")
                    if a.totalIsLowerBound { skipped += 1 }
                }
            }
            #expect(skipped > 100)
        }
    }

    @Test("a block's bound is what its best posting of each class scores: at least every posting, equal to one")
    func blockBoundsAreTight() throws {
        let index = try Self.corpus.get()
        let reader = index.reader
        let searcher = Searcher(reader: reader)
        let search = BlockMaxSearch(reader: reader, bm25: searcher.bm25, norms: searcher.norms, kindWeights: [1])
        let walk = BlockMaxWalk(search: search, k: 10)
        var checked = 0
        for id in 0..<reader.termCount where reader.postingsInfo(id).documentFrequency > PositionSkips.interval {
            reader.withPostingsBase { base in
                var cursor = BlockMaxCursor(reader.postingsCursor(id, base: base))
                var block = -1
                var bound = BlockMaxWalk.Bound()
                var best = BlockMaxWalk.Bound(repeating: -1)
                func closeBlock() {
                    guard block >= 0 else { return }
                    for c in 0..<BlockBounds.classes where best[c] >= 0 { #expect(best[c] == bound[c], "term \(id) block \(block)") }
                }
                while cursor.section != BlockMaxCursor.exhausted {
                    if cursor.block != block {
                        closeBlock()
                        block = cursor.block
                        bound = walk.bound(weight: 1, try! #require(cursor.blockPostings))
                        best = BlockMaxWalk.Bound(repeating: -1)
                    }
                    let kindClass = BlockBounds.codeClass[Int(reader.sectionKindCodes[Int(cursor.section)])]
                    let score = search.score(weight: 1, frequency: cursor.frequency, section: cursor.section)
                    #expect(score <= bound[kindClass])
                    #expect(cursor.section <= cursor.blockEnd)
                    best[kindClass] = max(best[kindClass], score)
                    cursor.next()
                }
                closeBlock()
            }
            checked += 1
            if checked == 200 { break }
        }
        #expect(checked > 10)
    }

    @Test("advancing lands on the first section at or after the target, as a walk one by one does")
    func advanceMatchesWalk() throws {
        let index = try Self.corpus.get()
        let reader = index.reader
        let id = try #require((0..<reader.termCount).max { reader.postingsInfo($0).documentFrequency < reader.postingsInfo($1).documentFrequency })
        reader.withPostingsBase { base in
            var all: [UInt32] = []
            var walk = BlockMaxCursor(reader.postingsCursor(id, base: base))
            while walk.section != BlockMaxCursor.exhausted { all.append(walk.section); walk.next() }
            var random = TestRandom(seed: 3)
            for _ in 0..<50 {
                var cursor = BlockMaxCursor(reader.postingsCursor(id, base: base))
                var target: UInt32 = 0
                while true {
                    target += UInt32(random.below(400))
                    cursor.advance(to: target)
                    let expected = all.first { $0 >= target } ?? BlockMaxCursor.exhausted
                    #expect(cursor.section == expected)
                    if expected == BlockMaxCursor.exhausted { break }
                }
            }
        }
    }

    @Test("the floor a walk starts from never keeps out the k-th hit of exhaustive scoring, and is set for common words")
    func floorBoundsTheKthHit() throws {
        let index = try Self.corpus.get()
        let reader = index.reader
        var exhaustive = Searcher(reader: reader)
        exhaustive.prunes = false
        var floored = 0
        for text in try Self.queries(index, count: 200) {
            let query = reader.plan(text)
            guard query.cases.isEmpty, query.filter.isEmpty, query.excluded.isEmpty else { continue }
            for k in [1, 10, 58] {
                let hits = exhaustive.ranked(query, limit: k).hits
                guard hits.count == k, let kth = hits.last else { continue }
                let search = BlockMaxSearch(reader: reader, bm25: exhaustive.bm25, norms: exhaustive.norms,
                                            kindWeights: exhaustive.kindCodeWeights(query))
                let scorer = exhaustive.clauseScorer(ScoreScratch(sectionCount: reader.sectionCount))
                reader.withPostingsBase { base in
                    var walk = BlockMaxWalk(search: search, k: k)
                    for clause in query.clauses { walk.add(clause, query: query, base: base, listScores: scorer.scores) }
                    walk.raiseFloor()
                    guard walk.floored else { return }
                    floored += 1
                    #expect(walk.threshold.admits(tier: kth.matchedWords, score: kth.score), "\(text) top \(k)")
                }
            }
        }
        #expect(floored > 50, "the floor was set for \(floored) queries")
    }
}
