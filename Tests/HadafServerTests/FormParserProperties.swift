import Foundation
@testable import HadafServer
import HTTPTypes
import PropertyBased
import Testing

/// Random bytes and hostile text at the two form parsers: each reads a body or refuses it with a
/// typed problem naming why, and never traps.
@Suite("The form parsers under random input")
struct FormParserProperties {
    /// Bytes that are often the parsers' own syntax (`%`, `=`, `&`, `+`, CR, LF, quotes, dashes).
    static let syntax = Array("%=&+\r\n\";-:ab0F".utf8)
    static let byte = Gen<UInt16>.value(in: 0...511).map { value -> UInt8 in
        value < 256 ? UInt8(value) : syntax[Int(value) % syntax.count]
    }
    static let bytes = byte.array(of: 0...200)

    @Test func urlEncodedBodiesAreReadOrRefusedAsMalformed() async {
        await propertyCheck(count: 3000, input: Self.bytes) { bytes in
            do {
                let fields = try FormFields(urlEncoded: String(decoding: bytes, as: UTF8.self))
                _ = fields["csrfToken"]
            } catch let problem as Problem {
                #expect(problem.status == .badRequest && problem.code == "form.malformed", "\(problem.code)")
            } catch {
                Issue.record("not a problem: \(error)")
            }
        }
    }

    @Test func multipartBodiesAreReadOrRefusedAsMalformed() async {
        let boundary = "--b"
        let framed = zip(Self.bytes, Self.bytes, Gen<Bool>.bool).map { head, tail, closed -> Data in
            var body = Data("----b\r\nContent-Disposition: form-data; name=\"".utf8) + Data(head)
            body += Data("\"; filename=\"x.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8) + Data(tail)
            if closed { body += Data("\r\n----b--\r\n".utf8) }
            return body
        }
        await propertyCheck(count: 3000, input: framed) { body in
            do {
                let form = try MultipartForm(body: body, boundary: boundary)
                _ = form.files.count
            } catch let problem as Problem {
                #expect(problem.status == .badRequest, "\(problem.code)")
            } catch {
                Issue.record("not a problem: \(error)")
            }
        }
    }
}
