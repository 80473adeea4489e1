import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether `--host` names an address at all, checked before anything is opened: a host that does
/// not resolve is a bad value (exit 2), not a failure of the server (exit 1) reported in the
/// words of the socket library.
enum HostAddress {
    static func resolves(_ host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &found)
        if let found { freeaddrinfo(found) }
        return status == 0
    }
}
