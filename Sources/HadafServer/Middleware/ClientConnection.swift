import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Notices that a client went away, so that the work of its request stops then rather than at
/// its deadline.
///
/// Hummingbird keeps a connection open when the client closes its side (remote half-closure),
/// and while a request is handled it reads nothing more from the socket, so neither the channel
/// nor the handler hears of a client that gave up. The kernel does: a socket whose peer has
/// closed is in `CLOSE_WAIT` (or `CLOSE` after a reset). ``waitUntilGone()`` asks for the
/// socket's `TCP_INFO` five times a second and returns once it is; the deadline middleware then
/// cancels the request's work, and its SQLite reads are interrupted
/// (``TaskCancellationInterrupt``). Like nginx by default, a client that half-closes after
/// sending its request is taken to have gone. Elsewhere than Linux it never returns by itself.
struct ClientConnection: Sendable {
    let channel: any Channel

    /// How often the socket's state is looked at while a request runs.
    static let interval = Duration.milliseconds(200)

    /// Returns once the client has closed or reset the connection, or when the calling task is
    /// cancelled.
    func waitUntilGone() async {
        #if os(Linux)
        guard let socket = channel as? any SocketOptionProvider else { return await Self.sleepUntilCancelled() }
        while !Task.isCancelled {
            do { try await Task.sleep(for: Self.interval) } catch { return }
            guard let info = try? await socket.getTCPInfo().get() else { return }
            // TCP_CLOSE (7), TCP_CLOSE_WAIT (8), TCP_LAST_ACK (9): the peer has closed its side.
            if (7...9).contains(info.tcpi_state) { return }
        }
        #else
        await Self.sleepUntilCancelled()
        #endif
    }

    private static func sleepUntilCancelled() async {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
    }
}
