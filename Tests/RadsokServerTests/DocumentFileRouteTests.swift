import CouncilDocuments
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PDFs served read-only at /files/, so that a hit opens at its page")
struct DocumentFileRouteTests {
    @Test("a hit in a PDF names its page, and its file is served as application/pdf",
          .enabled(if: PDFTools.installed.pdftotext != nil))
    func servesIndexedPDF() async throws {
        try await withServer(corpus: .withPDF) { client in
            let search = try await client.execute(uri: "/api/search?q=b%C3%A6rekraft", method: .get)
            let hits = try #require(try object(search)["hits"] as? [[String: Any]])
            let hit = try #require(hits.first)
            #expect(hit["file"] as? String == ServedCorpus.pdfName)
            #expect(hit["page"] as? Int == 2)
            let path = "/files/" + ServedCorpus.pdfName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            let file = try await client.execute(uri: path, method: .get)
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/pdf")
            #expect(Array(file.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
        }
    }

    @Test("only PDFs the index holds: not a text file, not a path out of the corpus, not an unknown name",
          arguments: ["/files/ho21-m%C3%B8te-2025-1.txt", "/files/..%2F..%2Fetc%2Fpasswd", "/files/../index/radsok.idx",
                      "/files/ukjent.pdf", "/files/%2Fetc%2Fpasswd.pdf"])
    func refusesOthers(uri: String) async throws {
        try await withServer(corpus: .withPDF) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] != "application/pdf")
        }
    }

    @Test("a PDF changed since the build is refused: its pages would not be the hits' pages",
          .enabled(if: PDFTools.installed.pdftotext != nil))
    func refusesChanged() async throws {
        let served = try ServedCorpus(corpus: .withPDF)
        defer { served.remove() }
        try Data("%PDF-1.4 something else".utf8).write(to: served.corpus.appendingPathComponent(ServedCorpus.pdfName))
        try await served.server.makeApplication().test(.router) { client in
            let path = "/files/" + ServedCorpus.pdfName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .conflict)
        }
    }
}
