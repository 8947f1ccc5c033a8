import Crypto
import EventStore
import Foundation

/// W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite: the document and the proof's
/// options are canonicalised with JCS (RFC 8785), hashed with SHA-256 each, and the two hashes,
/// options first, are signed with Ed25519. The verification method is the platform key as a
/// `did:key`, so that any Verifiable Credentials tool can check a HADAF certificate.
enum DataIntegrityProof {
    static let cryptosuite = "eddsa-jcs-2022"

    /// The `did:key` of an Ed25519 public key (base64 raw bytes): multicodec 0xed01, base58btc.
    static func didKey(ofPublicKey publicKey: String) -> String? {
        guard let raw = Data(base64Encoded: publicKey), raw.count == 32 else { return nil }
        return "did:key:z" + Base58.encode(Data([0xED, 0x01]) + raw)
    }

    /// The base64 raw Ed25519 public key a `did:key` (or its verification method) names.
    static func publicKey(ofDidKey did: String) -> String? {
        let identifier = did.split(separator: "#").first.map(String.init) ?? did
        guard identifier.hasPrefix("did:key:z"), let bytes = Base58.decode(String(identifier.dropFirst("did:key:z".count))),
              bytes.count == 34, bytes.prefix(2) == Data([0xED, 0x01])
        else { return nil }
        return bytes.dropFirst(2).base64EncodedString()
    }

    /// The document with a `proof` member signed by `key`.
    static func sign(_ document: JSONValue, with key: SigningKey, created: String) -> JSONValue {
        let did = didKey(ofPublicKey: key.publicKey) ?? ""
        let options = JSONValue.object([
            "type": .string("DataIntegrityProof"),
            "cryptosuite": .string(cryptosuite),
            "created": .string(created),
            "verificationMethod": .string("\(did)#\(did.dropFirst("did:key:".count))"),
            "proofPurpose": .string("assertionMethod"),
        ])
        let signature = key.sign(hashData(document: document, options: options))
        guard case let .object(proof) = options, case let .object(body) = document else { return document }
        let signed = JSONObject(members: proof.members + [JSONObject.Member(key: "proofValue", value: .string("z" + Base58.encode(signature)))])
        return .object(JSONObject(members: body.members + [JSONObject.Member(key: "proof", value: .object(signed))]))
    }

    /// The public key (base64) that signed the document, when its proof verifies; nil otherwise.
    static func signer(of document: JSONValue) -> String? {
        guard let proof = document["proof"], proof["cryptosuite"]?.stringValue == cryptosuite,
              let proofValue = proof["proofValue"]?.stringValue, proofValue.hasPrefix("z"),
              let signature = Base58.decode(String(proofValue.dropFirst())),
              let method = proof["verificationMethod"]?.stringValue, let publicKey = publicKey(ofDidKey: method)
        else { return nil }
        let message = hashData(document: document.removing("proof"), options: proof.removing("proofValue"))
        return SigningKey.isValid(signature, of: message, by: publicKey) ? publicKey : nil
    }

    /// SHA-256 of the canonical options (with the document's `@context`) then of the canonical
    /// document: what is signed.
    private static func hashData(document: JSONValue, options: JSONValue) -> Data {
        var options = options
        if let context = document["@context"], case let .object(members) = options {
            options = .object(JSONObject(members: members.members.filter { $0.key != "@context" } + [JSONObject.Member(key: "@context", value: context)]))
        }
        return Data(SHA256.hash(data: Data(options.canonicalText.utf8))) + Data(SHA256.hash(data: Data(document.canonicalText.utf8)))
    }
}
