import CouncilDocuments
import Foundation
import Hummingbird
import SearchIndex

/// The corpus's PDFs as published, read-only, so that a hit's page opens in the browser's PDF
/// viewer (`/files/sakspapirer.pdf#page=3`).
///
/// Only a file the index holds is served, named by its id in the index: no path from the request
/// ever reaches the file system, so `..` or an absolute path finds nothing. Text files are not
/// served (their text is in the API's answers already), and a PDF changed since the build is
/// refused, since its pages would not be the pages the hits name.
struct DocumentFileRoute: Sendable {
    let index: IndexHandle

    static let endpoints = [Endpoint(path: "files/**", methods: [.get])]

    func add(to router: Router<BasicRequestContext>) {
        router.get("files/**") { _, context in
            do {
                return try serve(APIRoutes.decoded(context.parameters.getCatchAll()))
            } catch let error as APIError {
                return error.response
            }
        }
    }

    func serve(_ id: String) throws -> Response {
        let served = index.current()
        guard (id as NSString).pathExtension.lowercased() == "pdf",
              let file = served.reader.metadata.files.first(where: { $0.id == id }) else {
            throw APIError.notFound("no PDF \(id) in the index")
        }
        let corpus = served.corpusPath ?? served.reader.metadata.corpusPath
        let path = (corpus as NSString).appendingPathComponent(file.id)
        guard let data = try? DocumentReader.bytes(path: path, id: id) else {
            throw APIError.notFound("\(id) cannot be read from the corpus")
        }
        guard ContentHash.of(data) == file.contentHash else {
            throw APIError(status: .conflict, message: "\(id) has changed since the index was built; rebuild the index")
        }
        let disposition = "inline; filename*=UTF-8''" + (id.split(separator: "/").last.map(String.init) ?? id)
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: disposition,
                                               .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
