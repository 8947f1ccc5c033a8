import Crypto
import Foundation

/// Seals personal data for an event and opens it again: AES-256-GCM under the participant's
/// key, the box (nonce, ciphertext, tag) written as Base64.
public enum PersonalDataSeal {
    /// The scheme's name, stored beside each box.
    public static let scheme = "aes-256-gcm/v1"

    public static func seal(_ data: PersonalData, with key: SymmetricKey) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let box = try AES.GCM.seal(encoder.encode(data), using: key)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined.base64EncodedString()
    }

    public static func open(_ sealed: String, with key: SymmetricKey) throws -> PersonalData {
        guard let combined = Data(base64Encoded: sealed) else { throw CryptoKitError.incorrectParameterSize }
        let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key)
        return try JSONDecoder().decode(PersonalData.self, from: plain)
    }
}
