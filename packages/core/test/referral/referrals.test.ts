import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { referralCollection } from "../../src/referral/referralAggregate.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DocumentId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { completeForm, london } from "../fixtures.js"

/** Two authorities on one store, so tenancy is tested against real records of the other. */
const core = Layer.mergeAll(Referrals.Default, Sittings.Default).pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("care-planning"), preset("lincolnshire")), EnglandAndWalesCalendar))
)
const cpr = staffOf("care-planning")
const lin = staffOf("lincolnshire")
const panelId = PanelId.make("care-planning-and-resources")
const setTime = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)

/** A Care Planning request made ready (no sign-off before panel) at the given time, and a sitting on 9 June. */
const readyRequestAndSitting = (date: string, time: string) =>
  Effect.gen(function* () {
    const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
    yield* setTime("2027-06-01", "09:00")
    const sitting = yield* sittings.schedule(cpr.administrator, panelId, "2027-06-09" as LocalDate)
    const draft = yield* referrals.createDraft(cpr.socialWorker, completeForm(panelId))
    yield* referrals.recordDocument(cpr.socialWorker, draft.id, { documentId: DocumentId.make("form"), kind: "referral_form", title: "Referral form" })
    yield* setTime(date, time)
    const ready = yield* referrals.submit(cpr.socialWorker, draft.id)
    return { referrals, sittings, sitting, referral: ready }
  })

const notFound = (what: string, id: string) => ({ _tag: "NotFound", what, id, message: `No ${what} with id ${id} was found.` })

describe("Referrals use cases: the sitting comes from its own record", () => {
  it.effect("CPR-4: the deadline is the stored sitting's: a late request is refused, then accepted with the chair's permission", () =>
    Effect.gen(function* () {
      const { referrals, sitting, referral } = yield* readyRequestAndSitting("2027-06-07", "18:00")
      const refused = yield* Effect.flip(referrals.acceptOntoSitting(cpr.administrator, referral.id, sitting.id))
      expect(refused).toMatchObject({ _tag: "LateRequest", ruleId: "CPR-4" })
      yield* referrals.grantLatePermission(cpr.viceChair, referral.id, sitting.id, "Placement at risk this week")
      const accepted = yield* referrals.acceptOntoSitting(cpr.administrator, referral.id, sitting.id)
      expect(accepted).toMatchObject({ status: "accepted", sittingId: sitting.id, acceptedLate: true })
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-4: refuses a cancelled sitting, and one that has started, with the reason", () =>
    Effect.gen(function* () {
      const { referrals, sittings, sitting, referral } = yield* readyRequestAndSitting("2027-06-07", "12:00")
      const second = yield* sittings.schedule(cpr.administrator, panelId, "2027-06-16" as LocalDate)
      yield* sittings.cancel(cpr.chair, second.id, "Chair on leave")
      expect(yield* Effect.flip(referrals.acceptOntoSitting(cpr.administrator, referral.id, second.id))).toMatchObject({
        _tag: "WrongSitting",
        message: "The sitting on Wed 16 Jun 2027 was cancelled: choose another sitting for this request."
      })
      yield* setTime("2027-06-09", "10:00")
      expect((yield* Effect.flip(referrals.acceptOntoSitting(cpr.administrator, referral.id, sitting.id))).message).toBe(
        "The sitting on Wed 9 Jun 2027 has already started, so its agenda can no longer change."
      )
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's sitting answers NotFound exactly as a missing one, for acceptance and late permission", () =>
    Effect.gen(function* () {
      const { referrals, sittings, referral } = yield* readyRequestAndSitting("2027-06-07", "18:00")
      const theirs = yield* sittings.schedule(lin.administrator, PanelId.make("support-panel"), "2027-06-09" as LocalDate)
      const missing = SittingId.make("sit_404")
      for (const id of [theirs.id, missing]) {
        expect(yield* Effect.flip(referrals.acceptOntoSitting(cpr.administrator, referral.id, id))).toMatchObject(notFound("sitting", id))
        expect(yield* Effect.flip(referrals.grantLatePermission(cpr.chair, referral.id, id, "x"))).toMatchObject(notFound("sitting", id))
      }
    }).pipe(Effect.provide(core))
  )
})

describe("Referrals use cases: roles and tenancy", () => {
  it.effect("refuses every command to a role that may not run it, before reading any sitting", () =>
    Effect.gen(function* () {
      const { referrals, referral } = yield* readyRequestAndSitting("2027-06-07", "12:00")
      const id = referral.id
      const nowhere = SittingId.make("sit_404")
      const attempts = [
        referrals.createDraft(cpr.administrator, completeForm(panelId)),
        referrals.editDraft(cpr.administrator, id, completeForm(panelId)),
        referrals.submit(cpr.administrator, id),
        referrals.approve(cpr.socialWorker, id),
        referrals.returnForChanges(cpr.socialWorker, id, "x"),
        referrals.grantLatePermission(cpr.socialWorker, id, nowhere, "x"),
        referrals.acceptOntoSitting(cpr.socialWorker, id, nowhere),
        referrals.withdraw(cpr.administrator, id, "x"),
        referrals.redirect(cpr.socialWorker, id, { ruleId: "CPR-5", reason: "x", redirectTo: "y" })
      ]
      for (const attempt of attempts) expect((yield* Effect.flip(attempt))._tag).toBe("NotPermitted")
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's request answers NotFound, exactly as a missing one", () =>
    Effect.gen(function* () {
      const { referrals, sittings, referral } = yield* readyRequestAndSitting("2027-06-07", "12:00")
      const own = yield* sittings.schedule(lin.administrator, PanelId.make("support-panel"), "2027-06-09" as LocalDate)
      for (const id of [referral.id, ReferralId.make("ref_404")]) {
        const attempts = [
          referrals.get(lin.auditor, id),
          referrals.editDraft(lin.socialWorker, id, completeForm("support-panel")),
          referrals.recordDocument(lin.socialWorker, id, { documentId: DocumentId.make("d"), kind: "genogram", title: "Genogram" }),
          referrals.submit(lin.socialWorker, id),
          referrals.approve(lin.teamManager, id),
          referrals.grantLatePermission(lin.chair, id, own.id, "x"),
          referrals.acceptOntoSitting(lin.administrator, id, own.id),
          referrals.withdraw(lin.socialWorker, id, "x"),
          referrals.redirect(lin.administrator, id, { ruleId: "LIN-4", reason: "x" })
        ]
        for (const attempt of attempts) expect(yield* Effect.flip(attempt)).toMatchObject(notFound("request", id))
      }
    }).pipe(Effect.provide(core))
  )
})

describe("the requests read model", () => {
  it.effect("files a request under the London date it was made: 00:30 BST on 15 June is the 15th, not the 14th (UTC)", () =>
    Effect.gen(function* () {
      const referrals = yield* Referrals
      yield* setTime("2027-06-15", "00:30")
      const draft = yield* referrals.createDraft(cpr.socialWorker, completeForm(panelId))
      const readModels = yield* ReadModels
      const on = (createdOn: string) => readModels.query({ collection: referralCollection, authorityId: cpr.administrator.authorityId, where: { createdOn } })
      expect((yield* on("2027-06-15")).map((row) => row.id)).toEqual([draft.id])
      expect(yield* on("2027-06-14")).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
