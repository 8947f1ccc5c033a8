import EventStore
import Foundation
@testable import HadafServer
import Testing

@Suite("The formats a certificate is made of: QR code, base58, canonical JSON, did:key")
struct CertificateFormatTests {
    /// The verification link as python-qrcode 8 (an independent implementation) draws it at
    /// version 4, level M, byte mode, with mask 4, the mask our penalty chooses too.
    static let referenceLink = "http://127.0.0.1:8080/certificates/verify?code=RJEH-JGBQ-3WK6"
    static let referenceModules = [
        "#######.#.#.#######.#.###.#######",
        "#.....#..#.#....#####.#.#.#.....#",
        "#.###.#..#.##..###...##.#.#.###.#",
        "#.###.#.#........##.......#.###.#",
        "#.###.#.##..####.###...#..#.###.#",
        "#.....#.#.#.#.#.##.#......#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#######",
        "........#...#.#.###.###.#........",
        "#...#.###.##...#.#...#.#######..#",
        "######..#.....###.#.#..##....##..",
        "#..#..####.######.#..#.#..#..#.#.",
        "#..#.#.###..##...##..#.#.#.....#.",
        "...#.##..###.#......##..#.#.##..#",
        "####.#.###.##.#.#.#.####.#.#..#..",
        "#..#..##.....#.#.......##..#..##.",
        ".#..#..#####.....##..##..#.###...",
        ".##########..#...#...#...##.#..#.",
        ".##.....##.##..##.#.#####....###.",
        ".########...####.....#.#.#...#.#.",
        ".#...#.###.#...###...#..#.#......",
        "##..#.###...#.###..##.###.####..#",
        "##.#.#...#..##..#..#..##...#.#.#.",
        "..#.###.##.#.###.##.#####...#.##.",
        "...#.#..#...#.#.###.##..#.#.#..#.",
        "###..##..###.##..#.#.#.#######...",
        "........#.#...###...#.#.#...#.#..",
        "#######.##########....#.#.#.##.#.",
        "#.....#....##..#.##..####...##.#.",
        "#.###.#.##...##.###.#.#.######.##",
        "#.###.#...##..##..##.#.#.##.###..",
        "#.###.#..####.##......#..######..",
        "#.....#..#..#..#.#.#.##.#.##.....",
        "#######.####.#.###...#..#.#.#...#",
    ]

    @Test func theQRCodeOfALinkIsTheReferenceImplementationsModuleForModule() throws {
        let code = try #require(QRCode(Self.referenceLink))
        #expect(code.version == 4)
        #expect(code.modules.map { String($0.map { $0 ? "#" : "." }) } == Self.referenceModules)
        #expect(code.svg.hasPrefix("<svg") && code.svg.contains("viewBox=\"0 0 41 41\""))
    }

    @Test func longerTextTakesALargerVersionAndTooLongTextNone() throws {
        #expect(try #require(QRCode(String(repeating: "a", count: 100))).version == 6)
        #expect(try #require(QRCode(String(repeating: "a", count: 213))).version == 10)
        #expect(QRCode(String(repeating: "a", count: 214)) == nil)
    }

    @Test func base58RoundTripsAndMatchesTheKnownVector() {
        #expect(Base58.encode(Data("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(Base58.encode(Data([0, 0, 1])) == "112")
        #expect(Base58.decode("2NEpo7TZRRrLZSi2U") == Data("Hello World!".utf8))
        #expect(Base58.decode("0OIl") == nil)
    }

    @Test func canonicalJSONSortsKeysByUTF16AndEscapesOnlyWhatJSONRequires() throws {
        let value = try JSONValue(parsing: Data(#"{"b": [1, 2.5, true, null], "a": "\u00e9\n\"/", "\ud83d\ude00": 1, "\ufb33": 2}"#.utf8))
        #expect(value.canonicalText == #"{"a":"é\n\"/","b":[1,2.5,true,null],"😀":1,"דּ":2}"#)
    }

    @Test func aDidKeyNamesTheKeyItWasMadeFrom() throws {
        let key = SigningKey()
        let did = try #require(DataIntegrityProof.didKey(ofPublicKey: key.publicKey))
        #expect(did.hasPrefix("did:key:z6Mk"))
        #expect(DataIntegrityProof.publicKey(ofDidKey: did + "#" + did.dropFirst(8)) == key.publicKey)
    }

    @Test func aSignedDocumentVerifiesUntilAnyValueChanges() throws {
        let key = SigningKey()
        let document = JSONValue.object(["@context": .array([.string("https://www.w3.org/ns/credentials/v2")]), "name": .string("گواهی مشارکت"), "amount": .number(5)])
        let signed = DataIntegrityProof.sign(document, with: key, created: "2027-01-11T07:00:00Z")
        #expect(DataIntegrityProof.signer(of: signed) == key.publicKey)
        let reparsed = try JSONValue(parsing: Data(signed.canonicalText.utf8))
        #expect(DataIntegrityProof.signer(of: reparsed) == key.publicKey)
        let altered = try JSONValue(parsing: Data(signed.canonicalText.replacingOccurrences(of: "\"amount\":5", with: "\"amount\":6").utf8))
        #expect(DataIntegrityProof.signer(of: altered) == nil)
    }
}
