import Foundation
import Hummingbird

/// The one self-contained page (no CDN, no fonts) and its script, served from the module's
/// resources. The script is a file of its own, not inline, so that the Content-Security-Policy
/// can forbid inline scripts (`script-src 'self'`): markup that got into the page could not run.
enum WebPage {
    static let endpoints = [Endpoint(path: "/", methods: [.get]), Endpoint(path: "app.js", methods: [.get])]

    static let html = resource("index", "html", missing: "<!doctype html><title>Rådsøk</title><p>Siden mangler.")
    static let script = resource("app", "js", missing: "document.body.textContent = 'Skriptet mangler.';")

    static func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in response(html, type: "text/html; charset=utf-8") }
        router.get("app.js") { _, _ in response(script, type: "text/javascript; charset=utf-8") }
    }

    private static func response(_ body: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }

    private static func resource(_ name: String, _ type: String, missing: String) -> ByteBuffer {
        let url = Bundle.module.url(forResource: name, withExtension: type)
        return ByteBuffer(bytes: url.flatMap { try? Data(contentsOf: $0) } ?? Data(missing.utf8))
    }
}
