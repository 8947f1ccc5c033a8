import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Tells whether a client went away, so that the work of its request stops then rather than at
/// its deadline.
///
/// Hummingbird keeps a connection open when the client closes its side (remote half-closure),
/// and while a request is handled it reads nothing more from the socket, so neither the channel
/// nor the handler hears of a client that gave up. The kernel does: a socket whose peer has
/// closed is in `CLOSE_WAIT` (or `CLOSE` after a reset). ``checkGone(_:)`` asks for the socket's
/// `TCP_INFO` and answers on the connection's event loop. Like nginx by default, a client that
/// half-closes after sending its request is taken to have gone. Elsewhere than Linux, and without
/// a socket (a test of the router), it never answers that the client went.
struct ClientConnection: Sendable {
    let channel: any Channel

    /// Calls `gone` if the client has closed or reset the connection.
    func checkGone(_ gone: @escaping @Sendable () -> Void) {
        #if os(Linux)
        guard let socket = channel as? any SocketOptionProvider else { return }
        socket.getTCPInfo().whenSuccess { info in
            // TCP_CLOSE (7), TCP_CLOSE_WAIT (8), TCP_LAST_ACK (9): the peer has closed its side.
            if (7...9).contains(info.tcpi_state) { gone() }
        }
        #endif
    }
}
