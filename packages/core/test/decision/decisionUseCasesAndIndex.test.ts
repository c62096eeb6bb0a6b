import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { decisionCollection } from "../../src/decision/decisionAggregate.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DecisionId, PanelId, ReferralId, SittingId, TeamId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

/** Lincolnshire's week played: its decisions, the use cases, and the first decision. */
const weekPlayed = Effect.gen(function* () {
  const week = yield* playWeek(policy)
  return { week, decisions: yield* Decisions, decision: week.decisions[0]! }
})

const decisionsWhere = (where: Record<string, string | number | boolean>) =>
  Effect.flatMap(ReadModels, (readModels) => readModels.query({ collection: decisionCollection, authorityId: policy.authority.id as never, where })).pipe(
    Effect.map((rows) => rows.map((row) => row.id).sort())
  )

describe("decisions through the use cases: what each follow-up reaches, and how a decision is found", () => {
  it.effect("the week's decisions: each under a decision id, about its request's children, types and team", () =>
    run(
      Effect.gen(function* () {
        const week = yield* playWeek(policy)
        const referrals = yield* Referrals
        for (const decision of week.decisions) {
          const request = yield* referrals.get(staff.socialWorker, decision.subject.referralId)
          expect(decision.id).toMatch(/^dec_/)
          expect(decision.subject).toEqual({
            referralId: request.id,
            childIds: request.form.children.map((child) => child.childId),
            requestTypes: request.form.requestTypes,
            ...(request.form.teamId === undefined ? {} : { teamId: request.form.teamId }),
            teamManager: request.form.teamManager
          })
        }
      })
    )
  )

  it.effect("a decision, request or sitting that does not exist is named in the refusal", () =>
    run(
      Effect.gen(function* () {
        const week = yield* playWeek(policy)
        const decisions = yield* Decisions
        const missing = DecisionId.make("dec_missing")
        expect(yield* Effect.flip(decisions.get(staff.chair, missing))).toMatchObject({ _tag: "NotFound", what: "decision", id: "dec_missing" })
        expect(yield* Effect.flip(decisions.signOff(staff.chair, missing))).toMatchObject({ _tag: "NotFound", what: "decision", id: "dec_missing" })
        const content = week.decisions[0]!.content
        expect(yield* Effect.flip(decisions.recordAtPanel(staff.administrator, ReferralId.make("ref_missing"), week.sitting.id, content))).toMatchObject({
          _tag: "NotFound",
          what: "request",
          id: "ref_missing"
        })
        expect(
          yield* Effect.flip(decisions.recordAtPanel(staff.administrator, week.decisions[0]!.subject.referralId, SittingId.make("sit_missing"), content))
        ).toMatchObject({ _tag: "NotFound", what: "sitting", id: "sit_missing" })
        // A draft that names no child yet has nothing for a decision to be about.
        const empty = yield* (yield* Referrals).createDraft(staff.socialWorker, { ...exampleForm(week.sitting.panelId, "s20_accommodation", { id: "child-x", name: "Remy Ashford" }), children: [] })
        expect(yield* Effect.flip(decisions.recordAtPanel(staff.administrator, empty.id, week.sitting.id, content))).toMatchObject({
          _tag: "IncompleteDecision",
          missing: [{ field: "request", label: "the children and what is requested" }],
          message: "The request must name at least one child and what is requested before a decision is recorded on it."
        })
      })
    )
  )

  it.effect("LIN-6, LIN-8, LIN-9, LIN-12: each follow-up reaches its own step of the decision, or says why it does not apply", () =>
    run(
      Effect.gen(function* () {
        const { decisions, decision } = yield* weekPlayed
        const [fgc, plan] = decision.content.actions
        const received = yield* decisions.recordFgcReferralReceived(staff.administrator, decision.id, fgc!.actionId)
        expect(received.fgcReferralsReceived.map((entry) => entry.actionId)).toEqual([fgc!.actionId])
        expect(yield* Effect.flip(decisions.recordFgcReferralReceived(staff.administrator, decision.id, fgc!.actionId))).toMatchObject({
          _tag: "ActionAlreadyClosed",
          message: "The FGC service has already received this referral."
        })
        const changed = yield* decisions.approveChangeOfCircumstances(staff.serviceManager, decision.id, "Grandmother unwell", "A respite carer for two weeks")
        expect(changed.changesOfCircumstances).toEqual([expect.objectContaining({ circumstances: "Grandmother unwell", alternativeAction: "A respite carer for two weeks" })])
        expect(yield* Effect.flip(decisions.recordActionsCaseNote(staff.teamManager, decision.id, "Plan updated"))).toMatchObject({
          _tag: "ActionsNotUpdated",
          actionIds: [fgc!.actionId, plan!.actionId]
        })
        expect(yield* Effect.flip(decisions.recordS20Task(staff.socialWorker, decision.id, "supervision", "Discussed"))).toMatchObject({
          _tag: "NotApplicable",
          message: "The 48-hour tasks apply to section 20 accommodation agreed outside panel (LIN-12)."
        })
        expect(yield* Effect.flip(decisions.recordComplexNeedsTemplateSent(staff.administrator, decision.id, "Sent"))).toMatchObject({
          _tag: "NotApplicable",
          message: "This authority's policy has no Complex Needs Panel referral, so there is no template to send."
        })
      })
    )
  )

  it.effect("decisions are found by sitting, child, request type and the roles that still owe an action; a role drops out once its actions are done", () =>
    run(
      Effect.gen(function* () {
        const { week, decisions, decision } = yield* weekPlayed
        expect(yield* decisions.get(staff.chair, decision.id)).toEqual(decision)
        const everyId = week.decisions.map((each) => each.id as string).sort()
        expect(yield* decisionsWhere({ sittingId: week.sitting.id })).toEqual(everyId)
        expect(yield* decisionsWhere({ childIds: decision.subject.childIds[0]! })).toContain(decision.id)
        expect(yield* decisionsWhere({ requestTypes: decision.subject.requestTypes[0]! })).toContain(decision.id)
        expect(yield* decisionsWhere({ actionOwnerRoles: "social_worker" })).toContain(decision.id)
        const fgc = decision.content.actions.find((action) => action.ownerRole === "social_worker")!
        yield* decisions.completeAction(staff.socialWorker, decision.id, fgc.actionId, "Referral sent to the FGC service")
        expect(yield* decisionsWhere({ actionOwnerRoles: "social_worker" })).not.toContain(decision.id)
        expect(yield* decisionsWhere({ actionOwnerRoles: "team_manager" })).toContain(decision.id)
        const row = yield* Effect.flatMap(ReadModels, (readModels) => readModels.get(decisionCollection, policy.authority.id as never, decision.id))
        expect(row?.index).toMatchObject({ openActions: decision.content.actions.length - 1, actionOwnerRoles: ["team_manager"] })
      })
    )
  )
})

describe("a decision names its request's team", () => {
  const nso = preset("north-somerset")
  const nsoStaff = staffOf(nso.authority.id)
  it.effect("the team the request names goes onto the decision's subject, where the chair's independence check reads it", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(atLondon("2027-06-01" as LocalDate, "09:00" as TimeOfDay).epochMillis)
      const form = exampleForm(PanelId.make(nso.panels[0]!.id), "care_proceedings", { id: "child-t", name: "Ellis Thorne" })
      const request = yield* (yield* Referrals).createDraft(nsoStaff.socialWorker, { ...form, teamId: TeamId.make("team-weston") })
      const decision = yield* (yield* Decisions).recordOutsidePanel(nsoStaff.headOfService, request.id, {
        content: exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-21" as LocalDate, key: request.id }),
        whyOutsidePanel: "The child could not wait for the next sitting",
        timescales: "Agreed for two weeks, then reviewed"
      })
      expect(decision.subject.teamId).toBe("team-weston")
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
