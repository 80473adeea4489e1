import Foundation
import Hummingbird

/// The one self-contained page (no CDN, no fonts), served from the module's resources.
enum WebPage {
    static let html: ByteBuffer = {
        let url = Bundle.module.url(forResource: "index", withExtension: "html")
        let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data("<!doctype html><title>Rådsøk</title><p>Siden mangler.".utf8)
        return ByteBuffer(bytes: data)
    }()

    static func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: html))
        }
    }
}
