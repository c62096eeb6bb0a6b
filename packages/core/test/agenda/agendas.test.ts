import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DocumentId, SittingId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const policy = preset("support-panels")
const staff = staffOf("support-panels")
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

/** The week played (one request deferred), and the next sitting of the panel. */
const afterWeek = Effect.gen(function* () {
  const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
  const week = yield* playWeek(policy)
  const next = (yield* sittings.list(staff.administrator, { panelId: week.sitting.panelId })).find((sitting) => DateTime.greaterThan(sitting.startsAt, week.sitting.startsAt))!
  return { agendas, sittings, week, next }
})

/** A request about a fictional child, submitted with its papers, approved by each step and accepted onto the sitting. */
const acceptedOnto = (sittingId: SittingId, child: { readonly id: string; readonly name: string }) =>
  Effect.gen(function* () {
    const referrals = yield* Referrals
    const requestType = policy.referral.inScope.requestTypes[0]!
    const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0]!.id, requestType, child))
    const papers = policy.referral.requiredDocuments.filter((doc) => doc.forRequestTypes === undefined || doc.forRequestTypes.includes(requestType))
    for (const [i, doc] of papers.entries()) {
      yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`${child.id}-doc-${i}`), kind: doc.kind, title: doc.kind })
    }
    let made = yield* referrals.submit(staff.socialWorker, draft.id)
    while (made.status === "awaiting_approval") {
      const role = made.pendingApprovals[0]!.role
      made = yield* referrals.approve(Object.values(staff).find((actor) => actor.roles.includes(role))!, made.id)
    }
    return (yield* referrals.acceptOntoSitting(staff.administrator, made.id, sittingId)).id
  })

describe("the agenda the administrator is offered", () => {
  it.effect("the next sitting is offered the request deferred in the week, and building it in one step puts exactly that on its agenda", () =>
    run(
      Effect.gen(function* () {
        const { agendas, sittings, week, next } = yield* afterWeek
        const offered = yield* agendas.propose(staff.administrator, next.id)
        expect(offered).toEqual([
          {
            referralId: week.deferred.id,
            childIds: week.deferred.form.children.map((child) => child.childId),
            kind: "request",
            summary: expect.stringMatching(/^Request deferred from the sitting on Tue 15 Jun 2027: /)
          }
        ])
        yield* agendas.build(staff.administrator, next.id)
        expect((yield* sittings.get(staff.administrator, next.id)).agenda.map((item) => [item.kind, item.referralId, item.summary])).toEqual(
          offered.map((entry) => [entry.kind, entry.referralId, entry.summary])
        )
      })
    ))

  it.effect("a request accepted onto a sitting is offered for that sitting only", () =>
    run(
      Effect.gen(function* () {
        const { agendas, sittings, week, next } = yield* afterWeek
        // The sittings after next: next week's deadline has passed (SUP-4), so requests made now aim at these.
        const [second, third] = (yield* sittings.list(staff.administrator, { panelId: next.panelId })).filter((sitting) => DateTime.greaterThan(sitting.startsAt, next.startsAt))
        const onSecond = yield* acceptedOnto(second!.id, { id: "child-second", name: "Romilly Pell" })
        const onThird = yield* acceptedOnto(third!.id, { id: "child-third", name: "Idris Fenwick" })
        expect((yield* agendas.propose(staff.administrator, second!.id)).map((entry) => [entry.kind, entry.referralId, entry.childIds])).toEqual([
          ["request", onSecond, ["child-second"]]
        ])
        expect((yield* agendas.propose(staff.administrator, third!.id)).map((entry) => entry.referralId)).toEqual([onThird])
        expect((yield* agendas.propose(staff.administrator, next.id)).map((entry) => entry.referralId)).toEqual([week.deferred.id])
      })
    ))

  it.effect("a sitting that is not there is not found, and only the panel administrator may be offered or build an agenda, said in words", () =>
    run(
      Effect.gen(function* () {
        const { agendas, next } = yield* afterWeek
        const missing = yield* Effect.flip(agendas.propose(staff.administrator, SittingId.make("sit_nowhere")))
        expect([missing._tag, missing.message]).toEqual(["NotFound", "No sitting with id sit_nowhere was found."])
        for (const attempt of [Effect.asVoid(agendas.propose(staff.chair, next.id)), Effect.asVoid(agendas.build(staff.socialWorker, next.id))]) {
          const refused = yield* Effect.flip(attempt)
          expect([refused._tag, refused.message]).toEqual(["NotPermitted", "Only a panel administrator can build the agenda."])
        }
      })
    ))
})
