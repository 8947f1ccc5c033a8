#!/usr/bin/env python3
"""Write a realistic year of HADAF participation as envelope lines for `hadaf import`.

Usage: python3 tools/generate_year.py EVENTS [--seed N] [--policy FILE] > year.jsonl

About EVENTS events of academic year 1404-1405 (1 Mehr 1404 to the end of Shahrivar 1405):
participants (students, faculty, student-group representatives) across the demo universities,
the year's incentive policy, surveys and their answers (about 60% of all events), regulation
reviews (comments, amendments, endorsements, answers), ideas and experiences (drafts,
submissions, screening), in roughly those proportions. Payloads are shaped exactly as the
platform's events encode them, so every projection reads them. Deterministic for a seed.
"""
import hashlib
import json
import random
import sys

UNIVERSITIES = ["alzahra", "modares", "razi", "scu", "pwut", "kntu", "iut", "iust", "um", "yazd", "sharif", "aut", "tabrizu", "ut"]
YEAR_START_MS = 1758573000000  # 1 Mehr 1404, 00:00 Tehran (2025-09-22T20:30:00Z)
YEAR_MS = 365 * 86400 * 1000
WORDS = ["کتاب", "تئاتر", "اردو", "موسیقی", "فیلم", "شعر", "ورزش", "سلامت", "محیط‌زیست", "داوطلبانه", "هنر", "عکاسی", "گفت‌وگو", "کارگاه"]


def iso(ms):
    import datetime
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


class Year:
    def __init__(self, events, seed, policy_file):
        self.random = random.Random(seed)
        self.target = events
        self.written = 0
        self.out = sys.stdout
        self.policy_file = policy_file

    def emit(self, stream, kind, payload, actor, role, at):
        metadata = {"actorId": actor, "actorRole": role, "occurredAt": iso(at)}
        self.out.write(json.dumps({"stream": stream, "type": kind, "payload": payload, "metadata": metadata}, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.written += 1

    def moment(self):
        return YEAR_START_MS + self.random.randrange(YEAR_MS)

    def text(self, words):
        return " ".join(self.random.choice(WORDS) for _ in range(words))

    def run(self):
        rnd = self.random
        with open(self.policy_file, encoding="utf-8") as f:
            source = f.read()
        policy = json.loads(source)
        # The ministry office is appointed by the platform, so that the audit counts its acts.
        self.emit("staff-ministry-office", "staff.appointed", {"officerId": "ministry-office", "role": "ministry_officer"}, "hadaf-platform", "system", YEAR_START_MS - 1)
        self.emit("policy-1404", "policy.adopted", {"academicYear": 1404, "version": policy["version"], "source": source,
                  "contentHash": hashlib.sha256(source.encode()).hexdigest()}, "ministry-office", "ministry_officer", YEAR_START_MS)
        # One participant for every 25 events: 88% students, 10% faculty, 2% group representatives.
        people = []
        for n in range(max(10, self.target // 25)):
            kind = "student" if n % 50 < 44 else ("faculty" if n % 50 < 49 else "student_group_representative")
            pid = f"p-{n:08x}"
            university = UNIVERSITIES[n % len(UNIVERSITIES)]
            group = f"group-{university}-{n % 7}" if kind == "student_group_representative" else None
            payload = {"participantId": pid, "kind": kind, "university": university, "personal": hashlib.sha256(pid.encode()).hexdigest(), "sealing": "aes-256-gcm/v1"}
            if group:
                payload["studentGroup"] = group
            self.emit(f"participant-{pid}", "participant.registered", payload, "ministry-office", "ministry_officer", YEAR_START_MS + n)
            people.append((pid, kind, university, group))
        students = [p for p in people if p[1] != "faculty"]
        faculty = [p for p in people if p[1] == "faculty"] or people
        surveys = [f"s-{n}" for n in range(40)]
        for survey in surveys:
            definition = {"title": "نظرسنجی " + self.text(3), "description": "", "audience": {"kinds": [], "universities": []},
                          "opensAt": YEAR_START_MS, "closesAt": YEAR_START_MS + YEAR_MS, "allowsEditing": False, "isAnonymous": False,
                          "questions": [{"id": "q1", "text": "رضایت", "kind": {"likert": {}}, "isRequired": True}]}
            self.emit(f"survey-{survey}", "survey.drafted", {"surveyId": survey, "definition": definition}, "ministry-office", "ministry_officer", YEAR_START_MS)
            self.emit(f"survey-{survey}", "survey.published", {}, "ministry-office", "ministry_officer", YEAR_START_MS)
        proposals = []
        submissions = 0
        while self.written < self.target:
            roll = rnd.random()
            at = self.moment()
            if roll < 0.72:
                pid, kind, university, _ = rnd.choice(people)
                survey = rnd.choice(surveys)
                self.emit(f"survey-{survey}", "survey.answered", {"respondent": pid, "respondentKind": kind, "university": university,
                          "answers": {"q1": {"number": rnd.randint(1, 5)}}, "isRevision": False}, pid, kind, at)
            elif roll < 0.80:
                pid, kind, _, _ = rnd.choice(faculty if rnd.random() < 0.7 else students)
                regulation = f"reg-{rnd.randrange(12)}"
                cid = f"c-{self.written}"
                amendment = rnd.random() < 0.4
                payload = {"contributionId": cid, "kind": "amendment" if amendment else "comment", "round": 1, "article": rnd.randint(1, 20),
                           "author": pid, "text": self.text(12), "isRevision": False}
                if amendment:
                    payload["rationale"] = self.text(8)
                    proposals.append((regulation, cid, pid))
                self.emit(f"regulation-{regulation}", "regulation.article_contributed", payload, pid, kind, at)
            elif roll < 0.85 and proposals:
                regulation, proposal, author = rnd.choice(proposals)
                endorser = rnd.choice(people)
                if endorser[0] != author:
                    self.emit(f"regulation-{regulation}", "regulation.proposal_endorsed", {"proposalId": proposal, "endorser": endorser[0]}, endorser[0], endorser[1], at)
            elif roll < 0.87 and proposals:
                regulation, proposal, _ = rnd.choice(proposals)
                verdict = rnd.choice(["adopted", "partly_adopted", "rejected"])
                self.emit(f"regulation-{regulation}", "regulation.proposal_answered", {"proposalId": proposal, "verdict": verdict, "reason": self.text(6)}, "ministry-office", "ministry_officer", at)
            else:
                pid, kind, university, group = rnd.choice(students if rnd.random() < 0.85 else faculty)
                submissions += 1
                sid = f"sub-{submissions}"
                if group and rnd.random() < 0.5:
                    authors = [{"kind": "student_group", "id": group, "share": 100}]
                elif rnd.random() < 0.3:
                    other = rnd.choice(people)[0]
                    authors = [{"kind": "participant", "id": pid, "share": 60}, {"kind": "participant", "id": other, "share": 40}] if other != pid else [{"kind": "participant", "id": pid, "share": 100}]
                else:
                    authors = [{"kind": "participant", "id": pid, "share": 100}]
                if rnd.random() < 0.7:
                    content = {"idea": {"title": "ایده " + self.text(4), "summary": self.text(15), "problem": self.text(10), "proposal": self.text(12),
                                        "expectedImpact": self.text(8), "category": rnd.choice(["cultural", "artistic", "literary", "social", "volunteering"])}}
                else:
                    content = {"experience": {"title": "تجربه " + self.text(4), "summary": self.text(15), "startedOn": at - 86400000 * 30, "endedOn": at - 86400000,
                                              "place": rnd.choice(UNIVERSITIES), "results": self.text(10), "category": "cultural",
                                              "evidence": [{"sha256": hashlib.sha256(sid.encode()).hexdigest(), "fileName": "report.pdf", "mediaType": "application/pdf", "byteCount": 20480}]}}
                stream = f"submission-{sid}"
                self.emit(stream, "submission.drafted", {"submissionId": sid, "submitter": pid, "university": university, "authors": authors, "content": content}, pid, kind, at)
                self.emit(stream, "submission.submitted", {"possibleDuplicates": []}, pid, kind, at + 60000)
                decision = rnd.choices(["accepted_for_evaluation", "returned_for_revision", "rejected", None], [0.5, 0.15, 0.1, 0.25])[0]
                if decision:
                    screened = {"decision": decision}
                    if decision != "accepted_for_evaluation":
                        screened["reason"] = self.text(5)
                    if decision == "rejected":
                        screened["ground"] = "out_of_scope"
                    self.emit(stream, "submission.screened", screened, f"deputy-{university}", "university_deputy_officer", at + 86400000)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    events = int(argv[1])
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1404
    policy = argv[argv.index("--policy") + 1] if "--policy" in argv else "Projections/policies/1404.json"
    Year(events, seed, policy).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
