import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import Participation

/// `hadaf certificate`: an award's signed certificate, and checking one.
struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Write an award's signed certificate, or check a certificate: valid, revoked or forged.",
        discussion: "A certificate is an Open Badges 3.0 credential signed with the platform key (eddsa-jcs-2022), and a page in Persian and English that embeds it (docs/awards.md).",
        subcommands: [Issue.self, Verify.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Write the certificate of an award in force: AWARD.json (the credential) and AWARD.html (the page).",
            discussion: "--pdf also prints the page to AWARD.pdf with headless Chromium (Debian's chromium package).")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The award's id, e.g. ut-1405-4.", valueName: "award"))
        var awardId: String

        @Option(help: ArgumentHelp("The folder to write into.", valueName: "dir"))
        var out = "."

        @Option(help: ArgumentHelp("The server's public address, for the verification link.", valueName: "url"))
        var baseURL = "http://127.0.0.1:8080"

        @Flag(help: "Also print the page to AWARD.pdf (needs Chromium).")
        var pdf = false

        func run() throws {
            let store = try database.openStore()
            let key = try database.signingKey()
            let certificate = try CommandFailure.reporting { () throws(DomainError) in try Certificate.make(for: awardId, store: store, key: key) }
            let folder = URL(fileURLWithPath: out)
            let json = folder.appendingPathComponent("\(awardId).json")
            let page = folder.appendingPathComponent("\(awardId).html")
            try certificate.json.write(to: json)
            try Data(try certificate.page(verificationBase: baseURL).utf8).write(to: page)
            var written = [json.path, page.path]
            if pdf {
                let file = folder.appendingPathComponent("\(awardId).pdf")
                do { try PDFPrinter.print(page, to: file) } catch {
                    StandardError.write("hadaf: \(error) [certificate.pdf_failed]\n")
                    throw ExitCode(CommandFailure.Status.storageFailed.rawValue)
                }
                written.append(file.path)
            }
            print("Certificate of \(awardId) (code \(certificate.record.issued.verificationCode)) written to \(written.joined(separator: ", ")).")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check a certificate file (its .json or .html) or the code printed on it.",
            discussion: "Prints the verdict (valid, revoked or forged) and why; exits 0 only when valid.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("A certificate file, or its verification code.", valueName: "file-or-code"))
        var certificate: String

        @Flag(help: "Print the verdict as one JSON object.")
        var json = false

        func run() throws {
            let store = try database.openStore()
            let verification: CertificateVerification
            if let file = FileManager.default.contents(atPath: certificate) {
                let key = try database.signingKey()
                verification = try CommandFailure.reporting { () throws(DomainError) in try CertificateVerification.check(file: file, trusting: key.publicKey, in: store) }
            } else {
                verification = try CommandFailure.reporting { () throws(DomainError) in try CertificateVerification.check(code: certificate, in: store) }
            }
            if json {
                try JSONOutput.print(verification)
            } else {
                print("\(verification.verdict.rawValue): \(verification.explanation)")
            }
            if verification.verdict != .valid { throw ExitCode(CommandFailure.Status.verificationFailed.rawValue) }
        }
    }
}
