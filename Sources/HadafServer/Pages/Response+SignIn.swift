import Hummingbird

extension Response {
    /// Where a page sends a browser that is not signed in.
    static var toSignIn: Response { Response(status: .seeOther, headers: [.location: "/login"]) }
}
