import { DateTime, Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Placements } from "../../src/regulation24/Placements.js"
import type { PanelId } from "../../src/shared/ids.js"
import type { Role } from "../../src/shared/roles.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { connectedPlacement } from "../../src/testing/connectedPlacement.js"
import { exampleForm } from "../../src/testing/exampleForm.js"

const s20Tasks = ["supervision", "parents_letter", "fgc_referral", "early_help_referral"] as const

/**
 * LIN-12, where the policy lets s20 accommodation be agreed outside panel and runs its 48-hour tasks: accommodation
 * agreed outside panel for a fictional child placed now, the four tasks done the next day. Returns their clocks, with
 * the met ones; none where the policy has no such tasks.
 */
export const playS20OutsidePanel = (policy: AuthorityPolicy, panelId: PanelId, actionsDue: LocalDate) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!
    const [referrals, decisions, deadlines] = yield* Effect.all([Referrals, Decisions, Deadlines])
    const approvers = policy.outsidePanel.approvers.filter((entry) => entry.forRequestTypes === undefined || entry.forRequestTypes.includes("s20_accommodation"))
    if (policy.outsidePanel.s20Tasks === undefined || approvers.length === 0) return []
    const request = yield* referrals.createDraft(staff.socialWorker, exampleForm(panelId, "s20_accommodation", { id: "child-s", name: "Rowan Ashby" }))
    let agreed = yield* decisions.recordOutsidePanel(holderOf(approvers[0]!.anyOf[0]), request.id, {
      content: exampleDecision(policy, "s20_accommodation", "approve", { actionsDue, key: request.id }),
      whyOutsidePanel: "Mother was admitted to hospital overnight and no family member could care for Rowan",
      timescales: "Accommodated for up to 4 weeks, then reviewed",
      placedAt: yield* DateTime.now
    })
    while (agreed.outsidePanel!.pendingAgreements.length > 0) {
      agreed = yield* decisions.agreeOutsidePanel(holderOf(agreed.outsidePanel!.pendingAgreements[0]!.anyOf[0]), agreed.id)
    }
    yield* TestClock.adjust("20 hours")
    for (const task of s20Tasks) yield* decisions.recordS20Task(staff.socialWorker, agreed.id, task, "Done and recorded on the child's file")
    const all = yield* deadlines.forAuthority(staff.administrator, { includeMet: true })
    return all.filter((deadline) => deadline.id.startsWith(`${agreed.id}:s20:`))
  })

const dayMillis = 86_400_000

/**
 * A connected-person placement made now, with its placement plan the next day (STAT-R9), visited every 6 days until
 * the first looked-after review 4 weeks in, then every 27 days (STAT-R28), to its 16-week limit (STAT-R24): the clocks
 * just after the warning falls due and an hour before the expiry; extended then by 8 weeks, once (STAT-R25-1), a second extension refused; the
 * clocks two weeks past 16 weeks; ended with the carers approved as foster carers, and the clocks after that.
 */
export const playRegulation24 = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const [placements, deadlines] = yield* Effect.all([Placements, Deadlines])
    const placementClocks = deadlines
      .forAuthority(staff.administrator)
      .pipe(Effect.map((all) => all.filter((deadline) => deadline.about.kind === "placement")))
    const placement = yield* connectedPlacement(staff, "child-r")
    const placedAt = DateTime.toEpochMillis(placement.placement!.placedAt)
    const reviewAt = placedAt + 28 * dayMillis
    /** Visits the child every 6 days before the first review and every 27 after, up to `until`; then sets the clock there. */
    const visitUntil = (until: number) =>
      Effect.gen(function* () {
        const visits = (yield* placements.get(staff.socialWorker, placement.id)).visits ?? []
        let last = visits.length === 0 ? placedAt : DateTime.toEpochMillis(visits.at(-1)!.visitedAt)
        for (;;) {
          const next = last + (last < reviewAt - 6 * dayMillis ? 6 : 27) * dayMillis
          if (next > until) break
          yield* TestClock.setTime(next)
          if (next >= reviewAt && (yield* placements.get(staff.socialWorker, placement.id)).firstReview === undefined) {
            yield* placements.recordFirstReview(staff.socialWorker, placement.id, DateTime.unsafeMake(reviewAt))
          }
          yield* placements.recordVisit(staff.socialWorker, placement.id, { visitedAt: DateTime.unsafeMake(next), seenAlone: true })
          last = next
        }
        yield* TestClock.setTime(until)
      })
    yield* TestClock.adjust("1 day")
    yield* placements.recordPlacementPlan(staff.socialWorker, placement.id)
    const expiry = placement.approval!.expiresAt
    const warning = (yield* placementClocks).find((deadline) => deadline.id === `${placement.id}:approval-warning`)!
    yield* visitUntil(DateTime.toEpochMillis(warning.due) + 60_000)
    const warned = yield* placementClocks
    yield* visitUntil(DateTime.toEpochMillis(expiry) - 3_600_000)
    const nearExpiry = yield* placementClocks
    yield* placements.recordPlacementReconsidered(staff.teamManager, placement.id, true, "Settled with her grandmother; the full assessment needs more time")
    yield* placements.recordFosteringPanelViewsSought(staff.socialWorker, placement.id)
    yield* placements.recordIroInformed(staff.socialWorker, placement.id, "Nadia Quarrie")
    const extended = yield* placements.extendApproval(staff.headOfService, placement.id, 8)
    const again = yield* Effect.flip(placements.extendApproval(staff.headOfService, placement.id, 1))
    yield* visitUntil(DateTime.toEpochMillis(expiry) - 3_600_000 + 14 * dayMillis)
    const pastSixteenWeeks = yield* placementClocks
    const visited = yield* placements.get(staff.socialWorker, placement.id)
    const visitClocks = (yield* deadlines.forAuthority(staff.administrator, { includeMet: true })).filter((deadline) => ["STAT-R28", "STAT-R9"].includes(deadline.ruleId))
    const ended = yield* placements.end(staff.socialWorker, placement.id, "approved_as_foster_carer")
    const afterEnding = yield* placementClocks
    return { expiry, warned, nearExpiry, extended, again, pastSixteenWeeks, visited, visitClocks, ended, afterEnding }
  })
