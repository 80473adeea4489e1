import Testing
import SearchIndex

@Suite("Plural: a count and the noun that agrees with it")
struct PluralTests {
    @Test("English -s by default, a given plural otherwise, the singular only for 1")
    func forms() {
        #expect(Plural.count(1, "passage") == "1 passage")
        #expect(Plural.count(0, "passage") == "0 passages")
        #expect(Plural.count(2, "hit") == "2 hits")
        #expect(Plural.count(1, "sak", "saker") == "1 sak")
        #expect(Plural.count(3, "sak", "saker") == "3 saker")
        #expect(Plural.count(1, "treff", "treff") == "1 treff")
        #expect(Plural.noun(5, "file") == "files")
        #expect(Plural.noun(-1, "file") == "files")
    }
}
