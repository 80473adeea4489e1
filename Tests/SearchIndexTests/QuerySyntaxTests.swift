import Testing
@testable import SearchIndex

@Suite("The query language: every input parses into what the user meant")
struct QuerySyntaxTests {
    let parser = QueryParser()

    @Test("words, phrases, exclusions, OR, groups, prefixes, typos and filters")
    func elements() {
        #expect(parser.parse("helsedata KSF") == [.word("helsedata", .analyzed), .word("KSF", .analyzed)])
        #expect(parser.parse("\"møte med Helsedataservice\"") == [.phrase("møte med Helsedataservice")])
        #expect(parser.parse("«kunnskap som ikke tas i bruk»") == [.phrase("kunnskap som ikke tas i bruk")])
        #expect(parser.parse("helse -data") == [.word("helse", .analyzed), .exclude(.word("data", .analyzed))])
        #expect(parser.parse("helse -\"tapt mulighet\"") == [.word("helse", .analyzed), .exclude(.phrase("tapt mulighet"))])
        #expect(parser.parse("KSF OR LUP OR NORTRE") == [.anyOf([.word("KSF", .analyzed), .word("LUP", .analyzed), .word("NORTRE", .analyzed)])])
        #expect(parser.parse("(helse data) OR helsedata") == [.anyOf([.group([.word("helse", .analyzed), .word("data", .analyzed)]), .word("helsedata", .analyzed)])])
        #expect(parser.parse("helsedat*") == [.word("helsedat", .prefix)])
        #expect(parser.parse("helsedta~ bærekraft~2") == [.word("helsedta", .fuzzy(maximumEdits: nil)), .word("bærekraft", .fuzzy(maximumEdits: 2))])
        #expect(parser.parse("type:vedtak år:2025 helsedata") == [.filter(field: "type", value: "vedtak"), .filter(field: "år", value: "2025"), .word("helsedata", .analyzed)])
    }

    @Test("words with inner hyphens, slashes and colons stay words")
    func innerPunctuation() {
        #expect(parser.parse("e-helse 8/1/25 HelseOmsorg21-rådet kl:10") == [
            .word("e-helse", .analyzed), .word("8/1/25", .analyzed), .word("HelseOmsorg21-rådet", .analyzed), .word("kl:10", .analyzed),
        ])
    }

    @Test("malformed input is read forgivingly", arguments: [
        ("\"unclosed phrase", [QueryNode.phrase("unclosed phrase")]),
        ("((", []),
        ("(helse", [.word("helse", .analyzed)]),
        ("helse)", [.word("helse", .analyzed)]),
        ("-", []),
        ("- helse", [.word("helse", .analyzed)]),
        ("OR OR", []),
        ("OR helse OR", [.word("helse", .analyzed)]),
        ("helse OR OR data", [.anyOf([.word("helse", .analyzed), .word("data", .analyzed)])]),
        ("\"\"", []),
        ("*", []),
        ("~", []),
        ("--helse", [.exclude(.word("helse", .analyzed))]),
        ("helse AND data", [.word("helse", .analyzed), .word("data", .analyzed)]),
        ("+helse", [.word("helse", .analyzed)]),
    ] as [(String, [QueryNode])])
    func malformed(input: String, expected: [QueryNode]) {
        #expect(parser.parse(input) == expected)
    }

    @Test("deep nesting and very long input finish quickly without a crash")
    func absurd() {
        let deep = String(repeating: "(", count: 5000) + "helse" + String(repeating: ")", count: 5000)
        #expect(parser.parse(deep).count <= 1)
        let long = String(repeating: "helse -data OR \"x ", count: 700)
        _ = parser.parse(long)
        _ = parser.parse(String(repeating: "-", count: 10_000))
        _ = parser.parse(String(repeating: "\u{0}\u{FFFD}", count: 5000))
    }
}
