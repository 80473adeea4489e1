import Foundation
import Hummingbird
import HummingbirdTesting
import PDFFixtures
import RadsokServer
import SearchIndex
import Testing

/// A small corpus indexed in a temporary folder, served by a `RadsokServer`.
struct ServedCorpus {
    let root: URL
    let server: RadsokServer

    static let files = [
        "ho21-møte-2025-1.txt": """
            Sak 1/1/2025 Spørsmål om habilitet

            Rådet bes om å vurdere sin habilitet for sakene i dette møtet.

            Sak 2/1/2025 Tilgang til helsedata

            Rådet diskuterte tilgang til helsedata og Helsedataservice.
            Forslag til vedtak: Rådet tar saken til orientering.
            """,
        "ho21-møte-2025-2.txt": """
            Sak 3/2/2025 Oppfølging av helsedata

            Tidligere behandlet i sak 2/1/2025. Rådet ber om en plan for <script>alert("x")</script> helsedata.
            """,
    ]

    /// Which corpus to serve: the two small files above, or the project's `Corpus/` (600
    /// sections), big enough for requests that take a while.
    /// `withPDF`: the small files and a two-page PDF package (read when poppler is installed).
    enum Choice: Sendable { case small, project, withPDF }

    static let pdfName = "ho21-møte-2025-3-sakspapirer.pdf"

    /// Each corpus indexed once per test run; each `ServedCorpus` serves a copy of its own, which
    /// a test may change.
    static let smallTemplate = Result { try makeTemplate { corpus in
        for (name, text) in files { try Data(text.utf8).write(to: corpus.appendingPathComponent(name)) }
    } }
    static let pdfTemplate = Result { try makeTemplate { corpus in
        for (name, text) in files { try Data(text.utf8).write(to: corpus.appendingPathComponent(name)) }
        let pdf = MinimalPDF.document([
            .text(["Sak 4/3/2025 Godkjenning av saksliste", "", "Sakslisten godkjennes."]),
            .text(["Sak 5/3/2025 Bærekraft i tjenesten", "", "Rådet drøftet bærekraft i helsetjenesten."]),
        ])
        try Data(pdf).write(to: corpus.appendingPathComponent(pdfName))
    } }
    static let projectTemplate = Result { try makeTemplate { corpus in
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: project.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: project.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
    } }

    private static func makeTemplate(_ fill: (URL) throws -> Void) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-server-template-\(UUID().uuidString)")
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try fill(corpus)
        try IndexBuilder().build(corpus: corpus.path, into: root.appendingPathComponent("index").path)
        return root
    }

    init(limits: ServerLimits = ServerLimits(), corpus choice: Choice = .small) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-server-\(UUID().uuidString)")
        let template = switch choice {
        case .small: Self.smallTemplate
        case .project: Self.projectTemplate
        case .withPDF: Self.pdfTemplate
        }
        try FileManager.default.copyItem(at: try template.get(), to: root)
        let index = root.appendingPathComponent("index").path
        var server = RadsokServer(index: IndexHandle(reader: try IndexReader.open(folder: index), folder: index,
                                                       corpusPath: root.appendingPathComponent("corpus").path))
        server.port = 0
        server.limits = limits
        self.server = server
    }

    var corpus: URL { root.appendingPathComponent("corpus") }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

func object(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
}

/// Runs `body` against a server over `ServedCorpus`, through the router alone (`.router`) or
/// a real server on an ephemeral loopback port (`.live`).
func withServer(_ framework: TestingSetup = .router, limits: ServerLimits = ServerLimits(),
                corpus: ServedCorpus.Choice = .small,
                _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let served = try ServedCorpus(limits: limits, corpus: corpus)
    defer { served.remove() }
    try await served.server.makeApplication().test(framework) { client in try await body(client) }
}
