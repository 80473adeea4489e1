import Foundation
import Hummingbird

/// The one self-contained page (no CDN, no fonts) and its scripts, served from the module's
/// resources. The scripts are files of their own, not inline, so that the Content-Security-Policy
/// can forbid inline scripts (`script-src 'self'`): markup that got into the page could not run.
/// They are plain scripts sharing one scope, each with one job, loaded in this order.
enum WebPage {
    static let scripts = ["dom", "format", "address", "reader", "similar", "timeline", "app"]

    static let endpoints = [Endpoint(path: "/", methods: [.get])]
        + scripts.map { Endpoint(path: "\($0).js", methods: [.get]) }

    static let html = resource("index", "html", missing: "<!doctype html><title>Rådsøk</title><p>Siden mangler.")
    static let scriptBodies = Dictionary(uniqueKeysWithValues: scripts.map {
        ($0, resource($0, "js", missing: "document.body.textContent = 'Skriptet mangler.';"))
    })

    static func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in response(html, type: "text/html; charset=utf-8") }
        for (name, body) in scriptBodies {
            router.get("\(name).js") { _, _ in response(body, type: "text/javascript; charset=utf-8") }
        }
    }

    private static func response(_ body: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }

    private static func resource(_ name: String, _ type: String, missing: String) -> ByteBuffer {
        let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Page")
        return ByteBuffer(bytes: url.flatMap { try? Data(contentsOf: $0) } ?? Data(missing.utf8))
    }
}
