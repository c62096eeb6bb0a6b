import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Actor } from "../../src/shared/actor.js"
import { ChildId } from "../../src/shared/ids.js"
import { actorAt, staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// Who may record what on a child's record at Lincolnshire, and the words a refused person reads: the case-holding
// staff record everything; a panel administrator also records the looked-after reviews they minute; everyone on a
// panel may read the record.
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const child = ChildId.make("child-w")
const provided = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))
const when = london("2027-06-07", "08:30")
const recorders = "a social worker, practice supervisor, team manager, service manager or head of service"

type Records = ChildRecords
/** What every recording use case answers: the record as it now stands, or why not. */
type Recording = ReturnType<Records["recordDateOfBirth"]>
const useCases: ReadonlyArray<readonly [string, (records: Records, actor: Actor) => Recording]> = [
  ["record an emergency protection order (STAT-S44)", (r, a) => r.recordEmergencyProtectionOrder(a, child, when, 8)],
  ["record the extension of an emergency protection order (STAT-S44)", (r, a) => r.extendEmergencyProtectionOrder(a, child, 7)],
  ["record how an emergency protection order ended (STAT-S44)", (r, a) => r.recordEmergencyProtectionOrderEnded(a, child, "returned_home")],
  ["record a child's date of birth", (r, a) => r.recordDateOfBirth(a, child, "2013-02-11" as LocalDate)],
  ["record a child's death (STAT-R50)", (r, a) => r.recordChildDeath(a, child, "2027-06-05" as LocalDate)],
  ["record a period in secure accommodation (STAT-S25)", (r, a) => r.recordSecureAccommodation(a, child, when)],
  ["record the end of a period in secure accommodation (STAT-S25)", (r, a) => r.endSecureAccommodation(a, child)],
  ["record a court's authority for secure accommodation (STAT-S25)", (r, a) => r.recordSecureAccommodationCourtAuthority(a, child, when, london("2027-09-07", "08:30"))],
  ["record the Secretary of State's approval for secure accommodation (STAT-S25)", (r, a) => r.recordSecretaryOfStateApproval(a, child, when)],
  ["record the letter before proceedings (STAT-PLO)", (r, a) => r.recordLetterBeforeProceedings(a, child, when)],
  ["record the end of pre-proceedings (STAT-PLO)", (r, a) => r.endPreProceedings(a, child)],
  ["record care proceedings issued (STAT-S31)", (r, a) => r.recordProceedingsIssued(a, child, when)],
  ["record the court's extension of care proceedings (STAT-S31)", (r, a) => r.extendProceedings(a, child, 4)],
  ["record care proceedings concluded (STAT-S31)", (r, a) => r.recordProceedingsConcluded(a, child)],
  ["record a child's legal status (SSDA903)", (r, a) => r.recordLegalStatus(a, child, "C1", when)],
  ["record that a child ceased to be looked after", (r, a) => r.recordLookedAfterEnded(a, child, "returned home")],
  ["withdraw an entry recorded by mistake on a child's record", (r, a) => r.withdrawEntry(a, child, { kind: "death", diedOn: "2027-06-05" as LocalDate }, "Recorded against the wrong child")]
]

describe("who may record what on a child's record, in words (STAT-S44, STAT-S25, STAT-PLO, STAT-S31, STAT-R33, STAT-R50)", () => {
  it.effect("a panel member may record none of it: each refusal names who can and what they tried to record", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* TestClock.setTime(london("2027-06-07", "09:00").epochMillis)
        for (const [action, run] of useCases) {
          expect(yield* Effect.flip(run(records, staff.member))).toMatchObject({ _tag: "NotPermitted", action, message: `Only ${recorders} can ${action}.` })
        }
        expect(yield* Effect.flip(records.recordLookedAfterReview(staff.member, child, when, "Imogen Vale"))).toMatchObject({
          _tag: "NotPermitted",
          message: `Only a social worker, practice supervisor, team manager, service manager, head of service or panel administrator can record a looked-after review (STAT-R33).`
        })
      })
    )
  )

  it.effect("STAT-R33: a panel administrator records the review they minuted, and nothing else on the record", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* TestClock.setTime(london("2027-06-07", "09:00").epochMillis)
        for (const [action, run] of useCases) {
          expect(yield* Effect.flip(run(records, staff.administrator))).toMatchObject({ _tag: "NotPermitted", message: `Only ${recorders} can ${action}.` })
        }
        yield* records.recordLegalStatus(staff.socialWorker, child, "C1", when)
        yield* TestClock.setTime(london("2027-07-01", "15:00").epochMillis)
        const record = yield* records.recordLookedAfterReview(staff.administrator, child, london("2027-07-01", "14:00"), "Imogen Vale")
        expect(record.lookedAfter[0]!.reviews).toMatchObject([{ iroName: "Imogen Vale", by: { name: "Dev Ingleby", role: "panel_administrator" } }])
      })
    )
  )

  it.effect("each of the case-holding staff may record on the record, and is named as the one who did", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* TestClock.setTime(london("2027-06-07", "09:00").epochMillis)
        const holders = [staff.socialWorker, staff.practiceSupervisor, staff.teamManager, staff.serviceManager, staff.headOfService]
        for (const [i, actor] of holders.entries()) {
          yield* records.recordLetterBeforeProceedings(actor, ChildId.make(`child-w${i}`), when)
          const { proceedings } = yield* records.get(staff.auditor, ChildId.make(`child-w${i}`))
          expect(proceedings.letterSentAt).toEqual(when)
        }
        const review = (actor: Actor) => records.recordLookedAfterReview(actor, child, london("2027-06-07", "08:45"), "Imogen Vale")
        yield* records.recordLegalStatus(staff.headOfService, child, "C1", london("2027-06-07", "08:00"))
        expect((yield* review(staff.headOfService)).legalStatuses).toMatchObject([{ code: "C1", by: { role: "head_of_service" } }])
      })
    )
  )

  it.effect("everyone on a panel may read a child's record, whatever their role", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* TestClock.setTime(london("2027-06-07", "09:00").epochMillis)
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2013-02-11" as LocalDate)
        // The fixture's Assistant Director also chairs a panel: one who does not reads as Assistant Director.
        for (const actor of [...Object.values(staff), actorAt(policy.authority.id)("Hal Quennell", "assistant_director")]) {
          expect((yield* records.get(actor, child)).dateOfBirth, actor.name).toBe("2013-02-11")
          expect(yield* records.pastRetention(actor, "2027-06-07" as LocalDate), actor.name).toEqual([])
        }
      })
    )
  )
})
