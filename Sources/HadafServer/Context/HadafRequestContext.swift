import Hummingbird

/// What a request carries between the middleware and the routes: who is signed in, if anyone.
public struct HadafRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account and how it signed in, once ``AuthenticationMiddleware`` has run.
    public var identity: Identity?
    /// The client's IP address, for throttling sign-ins per address; `local` when the
    /// connection has none (a test without a socket).
    public let clientAddress: String
    /// The client's connection, which tells when the client went away.
    let clientConnection: ClientConnection

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
        clientConnection = ClientConnection(channel: source.channel)
    }

    /// Bodies larger than this are refused with 413 before they are read whole.
    public var maxUploadSize: Int { 1 << 20 }
}

/// A signed-in account, through a browser session (whose forms must carry its CSRF token) or
/// an API token (which no other site can make a browser send).
public struct Identity: Sendable {
    public let account: Account
    /// The session's CSRF token; nil for an API token.
    public let csrfToken: String?
}
