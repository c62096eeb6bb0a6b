import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Documents } from "../../src/documents/Documents.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ChildId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf, requestWithPapers } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"

// NSO-10: an emergency decision outside panel is agreed with the Head of Service AND the Assistant Director. Until the
// second agreement it is a proposal. When the panel hears the request in the meantime, the panel's decision is the
// decision: the old proposal, whose reason was that the child could not wait for panel, is no longer agreed.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(nso)))

/**
 * Morgan Vale's care proceedings (or `type`): proposed outside panel by the Head of Service on Tue 1 Jun, then declined
 * by the panel on Wed 9 Jun; `meanwhile` happens in between.
 */
const proposedThenDeclinedOf = <E, R>(type: "care_proceedings" | "pre_proceedings", meanwhile: Effect.Effect<unknown, E, R>) => Effect.gen(function* () {
  const [referrals, decisions, sittings] = yield* Effect.all([Referrals, Decisions, Sittings])
  yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
  const request = yield* requestWithPapers(nso, type, { id: "child-u", name: "Morgan Vale" })
  const proposal = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
    content: exampleDecision(nso, type, "approve", { actionsDue: "2027-06-04" as LocalDate, key: "proposal" }),
    whyOutsidePanel: "The child could not wait for the next sitting",
    timescales: "Agreed for two weeks, then reviewed"
  })
  yield* meanwhile
  const sitting = yield* sittings.schedule(staff.administrator, nso.panels[0].id, "2027-06-09" as LocalDate)
  yield* referrals.acceptOntoSitting(staff.administrator, request.id, sitting.id)
  yield* sittings.buildAgenda(staff.administrator, sitting.id, [{ referralId: request.id, childIds: [ChildId.make("child-u")], kind: "request", summary: "Care proceedings" }])
  yield* TestClock.setTime(sitting.startsAt.epochMillis)
  yield* sittings.confirmQuorum(staff.assistantDirector, sitting.id, true, "Chair and three members present")
  const recorded = yield* decisions.recordAtPanel(
    staff.administrator,
    request.id,
    sitting.id,
    exampleDecision(nso, type, "decline", { actionsDue: "2027-06-20" as LocalDate, key: "panel" })
  )
  const declined = yield* signOffAll(recorded, staff.assistantDirector, (role) => holderOf("north-somerset", role))
  return { referrals, decisions, request, proposal, declined, sitting }
})
const proposedThenDeclined = proposedThenDeclinedOf("care_proceedings", Effect.void)

describe("an agreement outside panel still waiting for its second agreement when the panel hears the request", () => {
  it.effect("NSO-10: the Assistant Director cannot agree the old proposal the day after the panel declined the request; the panel's decline stays the request's outcome", () =>
    run(
      Effect.gen(function* () {
        const { referrals, decisions, request, proposal, declined } = yield* proposedThenDeclined
        expect(proposal.status).toBe("awaiting_agreement")

        yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
        const attempt = yield* Effect.either(decisions.agreeOutsidePanel(staff.assistantDirector, proposal.id))
        expect(attempt._tag === "Left" ? attempt.left : `agreed: ${attempt.right.status}`).toMatchObject({
          _tag: "NotApplicable",
          message:
            "The panel heard this request at the sitting on Wed 9 Jun 2027, after this agreement outside panel was proposed: its decision stands, and this agreement can no longer be given (NSO-10). If circumstances have changed since, record a new agreement outside panel."
        })
        const heard = yield* referrals.get(staff.administrator, request.id)
        expect(heard.hearings.map((hearing) => [hearing.decisionId, hearing.outcome])).toEqual([[declined.id, "decline"]])
      })
    )
  )
})

describe("who is told an agreement outside panel lapsed when the panel heard the request", () => {
  it.effect("NSO-10: the Assistant Director still asked to agree it and the Head of Service who proposed it are emailed once, as the panel's decision is recorded, that it lapsed; the child is named by id only", () =>
    run(
      Effect.gen(function* () {
        const { request } = yield* proposedThenDeclined
        const told = (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification).filter((n) => n.kind === "decision.lapsed")
        expect(told.map((n) => [n.recipients, n.headline])).toEqual(
          [[{ _tag: "RoleHolder", role: "assistant_director" }], [{ _tag: "Person", personId: "grace-dunmore", name: "Grace Dunmore" }]].map((recipients) => [
            recipients,
            `The urgent decision outside panel for child child-u (care proceedings under section 31) lapsed: the request was heard at the sitting on Wed 9 Jun 2027 before it was agreed (NSO-10)`
          ])
        )
        expect(told[0]!.body).toContain(`Request ${request.id}: care proceedings under section 31. Children: child-u.`)
        for (const text of told.flatMap((n) => [n.headline, ...n.body])) expect(text).not.toMatch(/Morgan|Vale/)
      })
    )
  )
})

describe("an agreement outside panel overtaken by the panel, as the Assistant Director's list shows it", () => {
  it.effect("NSO-10: once the panel has heard the request, the proposal reads lapsed, not awaiting agreement, with the sitting that overtook it; it is not edited either", () =>
    run(
      Effect.gen(function* () {
        const { decisions, proposal, declined, sitting } = yield* proposedThenDeclined
        const lapsed = yield* decisions.get(staff.assistantDirector, proposal.id)
        expect(lapsed.status).toBe("lapsed")
        expect(lapsed.outsidePanel?.overtaken).toEqual({ decisionId: declined.id, heardAt: declined.heardAt, atPanel: true, sittingId: sitting.id })
        // The agreements it waited for stay on record as they were: nobody gave them.
        expect(lapsed.outsidePanel?.pendingAgreements).toEqual([{ anyOf: ["assistant_director"] }])

        yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
        const content = exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-18" as LocalDate, key: "again" })
        const edit = yield* Effect.flip(decisions.edit(staff.assistantDirector, proposal.id, content))
        expect(edit).toMatchObject({
          _tag: "NotApplicable",
          message:
            "The panel heard this request at the sitting on Wed 9 Jun 2027, after this agreement outside panel was proposed: its decision stands, and this agreement can no longer be given (NSO-10). If circumstances have changed since, record a new agreement outside panel."
        })
        expect((yield* decisions.get(staff.administrator, proposal.id)).status).toBe("lapsed")
      })
    )
  )

  it.effect("NSO-10: its decision sheet says it was proposed outside panel and lapsed when the request was heard at the sitting, and that none of its actions is owed", () =>
    Effect.gen(function* () {
      const { proposal } = yield* proposedThenDeclined
      const sheet = yield* (yield* Documents).decisionSheet({ actor: staff.socialWorker, identityGranted: false, purpose: "Sheet" }, proposal.id, ChildId.make("child-u"))
      expect(sheet.subtitle).toBe(`North Somerset. Proposed outside panel 09:00 Tue 1 Jun 2027, lapsed. Decision ${proposal.id}.`)
      expect(sheet.watermark).toBe("LAPSED")
      const text = textOf(sheet)
      expect(text[text.indexOf("Made") + 1]).toBe("proposed outside panel (NSO-10), 09:00 Tue 1 Jun 2027: lapsed")
      expect(text).toContain("Lapsed: the request was heard at the sitting on Wed 9 Jun 2027 before it was agreed; none of its actions is owed.")
      expect(text).not.toContain("Not final. Still needed: agreement by an Assistant Director.")
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(nso)), Layer.provideMerge(InMemoryAccessLog))))
  )
})

describe("a proposal of pre-proceedings that ended before the panel heard the request", () => {
  it.effect("NSO-10: the child's pre-proceedings stepped down while the proposal waited do not keep it waiting: once the panel has heard the request it reads lapsed, and the Assistant Director cannot agree it", () =>
    run(
      Effect.gen(function* () {
        const stepDown = Effect.gen(function* () {
          const records = yield* ChildRecords
          yield* TestClock.setTime(london("2027-06-02", "10:00").epochMillis)
          yield* records.recordLetterBeforeProceedings(staff.socialWorker, ChildId.make("child-u"), london("2027-06-02", "09:00"))
          yield* TestClock.setTime(london("2027-06-04", "10:00").epochMillis)
          yield* records.endPreProceedings(staff.teamManager, ChildId.make("child-u"), london("2027-06-04", "09:00"))
        })
        const { decisions, proposal, declined } = yield* proposedThenDeclinedOf("pre_proceedings", stepDown)
        expect((yield* decisions.get(staff.assistantDirector, proposal.id)).status).toBe("lapsed")
        yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
        const attempt = yield* Effect.flip(decisions.agreeOutsidePanel(staff.assistantDirector, proposal.id))
        expect(attempt.message).toMatch(/^The panel heard this request at the sitting on Wed 9 Jun 2027, after this agreement outside panel was proposed: its decision stands/)
        expect((yield* decisions.get(staff.administrator, declined.id)).status).toBe("final")
      })
    )
  )
})

describe("the actions of an agreement outside panel that lapsed when the panel heard the request", () => {
  it.effect("NSO-10: a month after the panel declined the request, the never-agreed proposal's actions are not overdue on anyone's list", () =>
    run(
      Effect.gen(function* () {
        const { proposal, declined } = yield* proposedThenDeclined
        const deadlines = yield* Deadlines
        yield* TestClock.setTime(london("2027-07-12", "09:00").epochMillis)
        const running = (yield* deadlines.forAuthority(staff.administrator)).filter((deadline) => deadline.about.kind === "action")
        expect(running.map((deadline) => `${deadline.title}: ${deadline.state}`)).toEqual([])
        // The panel's own decision, a decline with no actions, asks nothing either; the proposal is kept as it was.
        expect(declined.content.actions).toEqual([])
        expect((yield* (yield* Decisions).get(staff.administrator, proposal.id)).content.actions.map((action) => action.progress._tag)).toEqual(["Open", "Open"])
      })
    )
  )
})
