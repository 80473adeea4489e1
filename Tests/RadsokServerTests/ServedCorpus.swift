import Foundation
import Hummingbird
import HummingbirdTesting
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

    /// The corpus indexed once per test run; each `ServedCorpus` serves a copy of its own, which
    /// a test may change.
    static let template: Result<URL, any Error> = Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-server-template-\(UUID().uuidString)")
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: corpus.appendingPathComponent(name)) }
        try IndexBuilder().build(corpus: corpus.path, into: root.appendingPathComponent("index").path)
        return root
    }

    init(limits: ServerLimits = ServerLimits()) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-server-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try Self.template.get(), to: root)
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
                _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let served = try ServedCorpus(limits: limits)
    defer { served.remove() }
    try await served.server.makeApplication().test(framework) { client in try await body(client) }
}
