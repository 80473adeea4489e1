import Testing
@testable import SearchIndex

@Suite("A question's frame is what it asks, not words to search for")
struct QueryIntentTests {
    @Test("question frames are recognised and taken off, with or without æøå", arguments: [
        ("hva vedtok rådet om arrangementer i 2023", "arrangementer i 2023"),
        ("Hva mener rådet om finansieringsmodeller", "finansieringsmodeller"),
        ("hva har rådet sagt om helsedata?", "helsedata?"),
        ("hva sa radet om KSF", "KSF"),
        ("hva gjorde HO21-rådet med kunstig intelligens", "kunstig intelligens"),
        ("rådets syn på personvern", "personvern"),
        ("vedtak om eksportsatsing", "eksportsatsing"),
        ("beslutning digitaliseringsstrategi", "digitaliseringsstrategi"),
    ])
    func frames(text: String, topic: String) throws {
        let frame = try #require(IntentFrame.recognize(text))
        #expect(frame.intent == .councilView)
        #expect(frame.topic == topic)
    }

    @Test("plain keyword queries and frames with nothing after them have no intent", arguments: [
        "helsedata", "vedtak", "rådet", "hva er helsedata", "kunstig intelligens i helsetjenesten", "hva vedtok",
        "rådets", "Rådet slutter seg til innspillet",
    ])
    func plainQueries(text: String) {
        #expect(IntentFrame.recognize(text) == nil)
    }

    @Test("the planner searches the topic only and marks the intent")
    func planned() throws {
        try TestCorpus.withIndex(["a.txt": "Rådet vedtok å støtte arbeidet med helsedata."]) { reader in
            let query = reader.plan("hva vedtok rådet om helsedata")
            #expect(query.intent == .councilView)
            #expect(query.words.map(\.written) == ["helsedata"])
            #expect(reader.plan("helsedata rådet").intent == nil)
        }
    }
}
