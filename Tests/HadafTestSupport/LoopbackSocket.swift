#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a server on 127.0.0.1, for tests that must send what no HTTP client
/// sends: a body announced and never sent, a request and then a hang-up.
public final class LoopbackSocket {
    public let descriptor: Int32
    private var open = true

    /// Connects to `port` on 127.0.0.1; nil when nothing listens there.
    public init?(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            return nil
        }
    }

    /// Sends `text` whole; false when the connection refused part of it.
    @discardableResult
    public func send(_ text: String) -> Bool {
        Glibc.send(descriptor, text, text.utf8.count, 0) == text.utf8.count
    }

    /// Hangs up.
    public func close() {
        guard open else { return }
        open = false
        Glibc.close(descriptor)
    }

    deinit { close() }
}
