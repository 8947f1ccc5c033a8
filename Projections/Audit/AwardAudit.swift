import EventStore
import HadafEvents

/// The cultural deputies' audit (`hadaf audit`): it checks the hash chain, then every award in
/// scope against the log alone, never against the serving read models:
///
/// - each award's basis is folded again from the events up to the position it names, under the
///   policy in force for its year there (``LedgerReplay``): the recipient had reached it, the
///   lines it names are the lines that counted, the policy is the one it names;
/// - a festival prize rests on an announcement that gave the recipient that much;
/// - no award twice for a year; no budget line overspent or never allocated;
/// - an amount above the policy's one-officer limit counts only with a second officer's approval;
/// - every announced festival list of the year is selected again (``FestivalVerification``).
public enum AwardAudit {
    /// Audits the awards in `scope` against the log, and the whole hash chain.
    ///
    /// The chain is verified on another thread while the awards are checked: the two passes over
    /// the log share nothing, and each keeps a core busy. `progress` is called from that thread.
    /// The chain is held to every checkpoint recorded in the log, signed by one of
    /// `trustedKeys` when any are named (``EventStore/verify(through:outside:trustedKeys:progressInterval:progress:)``).
    public static func run(
        _ scope: AuditScope, on store: EventStore, trustingCheckpointsOf trustedKeys: Set<String> = [], progress: @escaping @Sendable (Int64) -> Void = { _ in }
    ) throws(ProjectionError) -> AuditReport {
        let verification = BackgroundWork { () throws(ProjectionError) -> VerificationReport in
            do throws(EventStoreError) { return try store.verify(trustedKeys: trustedKeys, progress: progress) } catch { throw .log(error) }
        }
        defer { verification.wait() }
        return try audit(scope, on: store, chain: verification)
    }

    private static func audit(_ scope: AuditScope, on store: EventStore, chain verification: BackgroundWork<VerificationReport>) throws(ProjectionError) -> AuditReport {
        var findings: [AuditFinding] = []
        // Each award is kept only as what checking it needs (``AwardCheck``) until the replay
        // reaches its basis; its findings are listed in the order of the awards.
        var checks: [AwardCheck] = []
        var findingsByAward: [Int: [AuditFinding]] = [:]
        var counts = (awards: 0, awaitingApproval: 0, revoked: 0, budgetLines: 0)
        var staff = AuditedStaff(store: store)
        let policies = try AuditedPolicies.read(from: store, staff: &staff)
        findings += policies.findings
        var acrossStreams = AwardsAcrossStreams()
        for stream in try streams(prefixed: "awards-", in: store) {
            guard let (university, year) = AwardEvent.office(ofStream: stream), scope.covers(university: university, year: year) else { continue }
            let events: [RecordedEvent]
            do { events = try store.readStream(stream) } catch { throw .log(error) }
            if AwardEvent.stream(university: university, year: year) != stream, let first = events.first {
                findings.append(AuditFinding(
                    rule: .streamNotCanonical, awardId: nil,
                    explanation: "Stream '\(stream)' reads as \(university)'s \(year) but is not written '\(AwardEvent.stream(university: university, year: year))': no command writes it.",
                    positions: [first.position]))
            }
            var actFindings: [AuditFinding] = []
            let office = try AuditedOffice(events) { recorded, event throws(ProjectionError) in
                if let finding = try Self.checkActor(of: recorded, event, university: university, staff: &staff) { actFindings.append(finding) }
            }
            findings += office.findings
            findings += actFindings
            counts.budgetLines += office.budgetLines
            for award in office.awards {
                findings += Self.checkTerms(of: award, in: stream, university: university, year: year, policies: policies)
                if award.revocation == nil, let earlier = acrossStreams.record(award.issued, at: award.position, in: stream) {
                    findings.append(AuditFinding(
                        rule: .doubleAward, awardId: award.issued.awardId,
                        explanation: "\(award.issued.awardId) repeats the award at position \(earlier.position) in \(earlier.stream): a \(award.issued.kind.englishName) for \(award.issued.recipient) in \(award.issued.academicYear), neither revoked.",
                        positions: [earlier.position, award.position]))
                }
                if award.issued.awaitsSecondApproval && award.approval == nil && award.revocation == nil { counts.awaitingApproval += 1 }
                if award.revocation != nil { counts.revoked += 1 }
                if hasBasisBefore(award) {
                    checks.append(AwardCheck(award, index: counts.awards))
                } else {
                    findingsByAward[counts.awards] = [AuditFinding(
                        rule: .awardWithoutBasis, awardId: award.issued.awardId,
                        explanation: "\(award.issued.awardId) names position \(award.issued.basis.readAt) as its basis, which is not in the log before it.",
                        positions: [award.position])]
                }
                counts.awards += 1
            }
        }

        // Let go before the replay, whose held ledger is the audit's peak of memory: the digests
        // of a national year's awards took 55 MB, which put the peak past 1 GiB.
        acrossStreams = AwardsAcrossStreams()
        checks = checks.exactCopy()
        try LedgerReplay.answer(checks.lazy.map(\.question), from: store) { index, standing, latestActed throws(ProjectionError) in
            let check = checks[index]
            // Only when some act folded so far is dated after the award is its basis read
            // again: an honest award comes after every act it rests on.
            if check.issuedAtMilliseconds < latestActed, let finding = try Self.checkDates(of: check, standing: standing, in: store) {
                findingsByAward[Int(check.index), default: []].append(finding)
            }
            guard !check.passes(standing) else { return }
            let found = try self.check(issued(at: check.position, in: store), at: check.position, against: standing, in: store)
            if !found.isEmpty { findingsByAward[Int(check.index), default: []] += found }
        }
        for index in findingsByAward.keys.sorted() { findings += findingsByAward[index]! }

        var festivalsChecked = 0
        for stream in try streams(prefixed: "festival-", in: store) {
            let festivalId = String(stream.dropFirst("festival-".count))
            let events: [RecordedEvent]
            do { events = try store.readStream(stream) } catch { throw .log(error) }
            let inputs: FestivalInputs
            do {
                inputs = try FestivalInputs.fold(events, of: festivalId)
            } catch let .unreadableEvent(position, type) {
                // A festival stream whose opening cannot be read (appended around the commands):
                // nothing in it can count; reported, and the audit goes on.
                findings.append(AuditFinding(
                    rule: .eventUnreadable, awardId: nil, explanation: "The opening of festival \(festivalId) at position \(position) (\(type)) cannot be read.",
                    positions: [position]))
                continue
            } catch .festivalNotFound {
                continue
            }
            for unreadable in inputs.unreadable {
                findings.append(AuditFinding(
                    rule: .eventUnreadable, awardId: nil, explanation: "The event at \(unreadable) of festival \(festivalId) is skipped by every reader.",
                    positions: [unreadable.position]))
            }
            guard let festival = inputs.festival, scope.year == nil || scope.year == festival.year else { continue }
            findings += try checkActors(ofFestival: events, staff: &staff)
            for score in inputs.uncounted {
                findings.append(AuditFinding(
                    rule: .festivalScoreUncounted, awardId: nil,
                    explanation: "The score of \(score.jurorId) for \(score.entryId) in festival \(festivalId) at position \(score.position) does not count: \(score.reason).",
                    positions: [score.position]))
            }
            guard inputs.announcement != nil else { continue }
            festivalsChecked += 1
            for verification in try FestivalVerification.verifyEach(festivalId, events: events) {
                let positions = verification.announcedAt.map { [$0] } ?? []
                switch verification.verdict {
                case .listDiffers:
                    findings.append(AuditFinding(
                        rule: .festivalListDiffers, awardId: nil,
                        explanation: "Festival \(festivalId)'s announced list differs from the list its events give, for \(verification.differingEntries.joined(separator: ", ")).",
                        positions: positions))
                case .inputsChanged:
                    findings.append(AuditFinding(
                        rule: .festivalInputsChanged, awardId: nil,
                        explanation: "Festival \(festivalId)'s entries or scores changed after its announcement, for \(verification.differingEntries.joined(separator: ", ")).",
                        positions: positions))
                case .confirmed, .notAnnounced:
                    break
                }
            }
        }

        let chain = try verification.value()
        if let failure = chain.failure {
            let rule: AuditFinding.Rule = switch failure.reason {
            case .hashMismatch, .missingEvent: .chainBroken
            case .checkpointContradicted, .checkpointForged: .checkpointContradicted
            }
            findings.insert(AuditFinding(rule: rule, awardId: nil, explanation: failure.explanation.capitalisingFirst + ".", positions: [failure.position]), at: 0)
        }
        return AuditReport(
            scope: scope, eventsChecked: chain.eventsChecked, awardsChecked: counts.awards, awaitingApproval: counts.awaitingApproval,
            revoked: counts.revoked, budgetLinesChecked: counts.budgetLines, festivalsChecked: festivalsChecked, findings: findings)
    }

    // MARK: - One award

    /// The findings on one award (issued at `position`) whose basis is in the log, against the
    /// standing recomputed there.
    static func check(_ issued: AwardIssued, at position: Int64, against standing: LedgerStanding, in store: EventStore) throws(ProjectionError) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        func find(_ rule: AuditFinding.Rule, _ explanation: String, _ positions: [Int64]) {
            findings.append(AuditFinding(rule: rule, awardId: issued.awardId, explanation: explanation, positions: positions))
        }
        let version = standing.policy?.version ?? ""
        if version != issued.policyVersion {
            find(.policyDiffers, "\(issued.awardId) names policy '\(issued.policyVersion)'; the policy in force for \(issued.academicYear) at position \(issued.basis.readAt) was '\(version)'.", [position])
        }
        if issued.kind.isByThreshold {
            if !standing.reached.contains(issued.kind.rawValue) {
                // The positions the award names as its basis, with its own: where a forged basis
                // is to be looked at.
                find(.awardNotEligible, "\(issued.recipient) had \(standing.points) points in \(issued.academicYear) at position \(issued.basis.readAt), short of a \(issued.kind.englishName).",
                     [position] + issued.basis.positions)
            } else if standing.positions != issued.basis.positions {
                let differing = Set(standing.positions).symmetricDifference(issued.basis.positions).sorted()
                find(.basisDiffers, "\(issued.awardId) names ledger lines that are not those recomputed at position \(issued.basis.readAt).", differing)
            }
        } else {
            let share = try announcedShare(of: issued, in: store)
            if share == nil || (issued.rials ?? 0) > share! {
                find(.awardNotEligible, "The announcement at position \(issued.basis.positions.first ?? 0) gives \(issued.recipient) \(share.map { "\($0) rials" } ?? "no prize") for entry \(issued.basis.entryId ?? "?").", [position] + issued.basis.positions)
            }
        }
        if let rials = issued.rials, let limit = standing.policy?.secondApprovalAboveRials, rials > limit, !issued.awaitsSecondApproval {
            find(.approvalMissing, "\(issued.awardId) pays \(rials) rials, above the one-officer limit of \(limit), and counted without a second officer.", [position])
        }
        return findings
    }

    /// The recipient's share of the prize the award's basis announces; nil when the basis is
    /// not that festival's announcement before the award, or gives them nothing.
    private static func announcedShare(of issued: AwardIssued, in store: EventStore) throws(ProjectionError) -> Int64? {
        guard issued.basis.positions.count == 1, let position = issued.basis.positions.first, position <= issued.basis.readAt else { return nil }
        let recorded: RecordedEvent
        do {
            guard let event = try store.read(from: position, limit: 1).first else { return nil }
            recorded = event
        } catch { throw .log(error) }
        guard recorded.position == position, recorded.stream == "festival-\(issued.basis.festivalId ?? "")",
              let announced = try? recorded.decode(as: FestivalWinnersAnnounced.self)
        else { return nil }
        return announced.prizes.first { $0.entryId == issued.basis.entryId }?.share(of: issued.recipient)
    }

    /// The award issued at `position`, read again for a full check.
    static func issued(at position: Int64, in store: EventStore) throws(ProjectionError) -> AwardIssued {
        let recorded: RecordedEvent?
        do { recorded = try store.read(from: position, limit: 1).first } catch { throw .log(error) }
        guard let recorded, recorded.position == position, let issued = try? recorded.decode(as: AwardIssued.self) else {
            throw .unreadableEvent(position: position, type: AwardIssued.eventType)
        }
        return issued
    }

    private static func hasBasisBefore(_ award: AuditedOffice.Award) -> Bool {
        (1..<award.position).contains(award.issued.basis.readAt)
    }

    // MARK: - Streams

    private static func streams(prefixed prefix: String, in store: EventStore) throws(ProjectionError) -> [String] {
        do { return try store.streams(prefixed: prefix) } catch { throw .log(error) }
    }
}

extension Array {
    /// A copy with no room to grow: an array grown by appending holds up to twice what it needs
    /// (the national audit's checks took 134 MB for 75), and this one is kept while the ledger
    /// is folded.
    func exactCopy() -> [Element] {
        var copy: [Element] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        return copy
    }
}

extension String {
    /// The string with its first letter in upper case, for a clause made a sentence.
    var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}

// MARK: - Who acted, on what terms, and when

extension AwardAudit {
    /// A finding when the act was not done by someone the log shows may do it (``AuditedStaff``),
    /// or when an officer issues or approves an award to themself.
    static func checkActor(of recorded: RecordedEvent, _ event: AwardEvent, university: String, staff: inout AuditedStaff) throws(ProjectionError) -> AuditFinding? {
        let (named, scope, awardId, recipient): (String?, AuditedStaff.Scope, String?, String?) = switch event {
        case .budgetAllocated: (nil, .ministry, nil, nil)
        case let .issued(issued): (issued.issuedBy, .office(university: university), issued.awardId, issued.recipient)
        case let .approved(approval): (approval.approvedBy, .office(university: university), approval.awardId, nil)
        case let .revoked(revocation): (revocation.revokedBy, .office(university: university), revocation.awardId, nil)
        }
        if let refusal = try staff.refusal(of: recorded, named: named, scope: scope) {
            return AuditFinding(
                rule: .actUnauthorised, awardId: awardId, explanation: "The \(recorded.type) at position \(recorded.position) does not count: \(refusal.reason).",
                positions: refusal.positions)
        }
        if let recipient, recipient == named {
            return AuditFinding(rule: .awardToSelf, awardId: awardId, explanation: "\(awardId ?? "An award") was issued by its own recipient, \(recipient).", positions: [recorded.position])
        }
        return nil
    }

    /// A finding for each act of a festival's stream not done by someone the log shows may do
    /// it: the call, closing it, confirming entries, appointing and assigning jurors and
    /// announcing are the ministry's; a score or a declared conflict is its juror's own.
    static func checkActors(ofFestival events: [RecordedEvent], staff: inout AuditedStaff) throws(ProjectionError) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for recorded in events {
            let (named, scope): (String?, AuditedStaff.Scope)
            switch FestivalEvent.reading(recorded) {
            case .opened?, .callClosed?, .confirmed?, .jurorAppointed?, .jurorsAssigned?, .announced?: (named, scope) = (nil, .ministry)
            case let .scored(scored)?: (named, scope) = (scored.jurorId, .juror)
            case let .conflictDeclared(declared)?: (named, scope) = (declared.jurorId, .juror)
            case .nominated?, .withdrawn?, nil: continue
            }
            if let refusal = try staff.refusal(of: recorded, named: named, scope: scope) {
                findings.append(AuditFinding(
                    rule: .actUnauthorised, awardId: nil, explanation: "The \(recorded.type) at position \(recorded.position) does not count: \(refusal.reason).",
                    positions: refusal.positions))
            }
        }
        return findings
    }

    /// The findings on an award's own terms, which need no replay: its amount by sign and kind
    /// (certificates carry no money), promotion points against the cap of the policy it names,
    /// that policy's adoption, the stream it is filed in, and an approval by its recipient.
    static func checkTerms(of award: AuditedOffice.Award, in stream: String, university: String, year: Int, policies: AuditedPolicies) -> [AuditFinding] {
        let issued = award.issued
        var findings: [AuditFinding] = []
        func find(_ rule: AuditFinding.Rule, _ explanation: String, _ positions: [Int64] = []) {
            findings.append(AuditFinding(rule: rule, awardId: issued.awardId, explanation: explanation, positions: [award.position] + positions))
        }
        if issued.university != university || issued.academicYear != year {
            find(.awardMisfiled, "\(issued.awardId) is \(issued.university)'s award for \(issued.academicYear) but is filed in \(stream).")
        }
        if issued.kind.isPaid {
            if (issued.rials ?? 0) <= 0 || issued.budgetLine == nil {
                find(.amountInvalid, "\(issued.awardId) is a \(issued.kind.englishName) paying \(issued.rials.map { "\($0) rials" } ?? "nothing")\(issued.budgetLine == nil ? " from no budget line" : ""): a paid award pays more than zero from a line.")
            }
        } else if issued.rials != nil || issued.budgetLine != nil {
            find(.amountInvalid, "\(issued.awardId) is a \(issued.kind.englishName), which carries no money, yet names \(issued.rials.map { "\($0) rials" } ?? "a budget line").")
        }
        let adoption = policies.adoption(year: issued.academicYear, version: issued.policyVersion, before: award.position)
        if let adoption, adoption.fault != nil {
            find(.policyInvalid, "\(issued.awardId) rests on policy '\(issued.policyVersion)', whose adoption at position \(adoption.position) does not hold.", [adoption.position])
        }
        if issued.kind == .facultyPromotionPoints {
            let cap = adoption?.policy?.thresholds[AwardKind.facultyPromotionPoints.rawValue]?.maximumAward
            if let points = issued.promotionPoints, points > 0, points <= (cap ?? .infinity) {
            } else {
                find(.amountInvalid, "\(issued.awardId) states \(issued.promotionPoints.map { "\($0)" } ?? "no") promotion points; policy '\(issued.policyVersion)' allows more than 0 and at most \(cap.map { "\($0)" } ?? "its cap").")
            }
        } else if issued.promotionPoints != nil {
            find(.amountInvalid, "\(issued.awardId) is a \(issued.kind.englishName) yet states promotion points.")
        }
        for approval in award.approvals where approval.by == issued.recipient {
            findings.append(AuditFinding(
                rule: .awardToSelf, awardId: issued.awardId, explanation: "\(issued.awardId) was approved by its own recipient, \(issued.recipient).",
                positions: [award.position, approval.position]))
        }
        return findings
    }

    /// A finding when an act in the award's basis is dated after the award itself.
    static func checkDates(of check: AwardCheck, standing: LedgerStanding, in store: EventStore) throws(ProjectionError) -> AuditFinding? {
        let issued = try issued(at: check.position, in: store)
        var later: [Int64] = []
        for position in Set(issued.basis.positions + standing.positions).sorted() {
            let recorded: RecordedEvent?
            do { recorded = try store.read(from: position, limit: 1).first } catch { throw .log(error) }
            if let recorded, recorded.position == position, recorded.actedAtMilliseconds > check.issuedAtMilliseconds { later.append(position) }
        }
        guard !later.isEmpty else { return nil }
        return AuditFinding(
            rule: .awardBeforeBasis, awardId: issued.awardId,
            explanation: "\(issued.awardId) is dated before \(later.count) act(s) of its basis: an award comes after what earned it.",
            positions: [check.position] + later)
    }
}
