import Foundation
@testable import HadafServer
import Testing

@Suite("The account file")
struct AccountStoreTests {
    /// Tokens are stored as their SHA-256 in lowercase hexadecimal: an account file written by
    /// an earlier version must keep signing its tokens in.
    @Test func aTokenIsStoredAsItsSHA256InLowercaseHex() {
        #expect(AccountStore.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AccountStore.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
