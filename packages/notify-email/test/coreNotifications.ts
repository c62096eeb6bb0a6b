import { createHash } from "node:crypto"
import {
  clockNotifications,
  Documents,
  type DocumentModel,
  Deadlines,
  Decisions,
  decodePolicy,
  Disagreements,
  DocumentId,
  type Notification,
  Outbox,
  Placements,
  preset,
  Referrals,
  type Role,
  Sittings
} from "@carepanel/core"
import { connectedPlacement, exampleDecision, exampleForm, InMemoryAccessLog, inMemoryCore, playWeek, requestWithPapers, staffOf } from "@carepanel/core/testing"
import { DateTime, Effect, Layer, TestClock, TestContext } from "effect"

const policy = preset("north-somerset")
const staff = staffOf(policy.authority.id)
const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!

/** The fictional children of the scenario, whose names must never reach a subject line. */
export const childNames = ["Alex Brook", "Jamie Fenn", "Sky Holloway", "Kai Mercer", "Morgan Vale", "Robin Testwood", "Rowan Tilbury"]

const carePlanning = preset("care-planning")

/**
 * A Care Planning week of `playWeek` whose approved decision's sheet the administrator files on the child's file (the
 * caseholder is told), then amended to find joint funding with SEN fits: CPR-6, which only that preset runs, tells the
 * Complex Needs Panel's administrator the child's name and case number.
 */
const carePlanningWeek: Effect.Effect<ReadonlyArray<Notification>, unknown> = Effect.gen(function* () {
  const decisions = yield* Decisions
  const cpStaff = staffOf(carePlanning.authority.id)
  const week = yield* playWeek(carePlanning, { uploads: false })
  const approved = week.decisions.find((decision) => decision.content.outcome === "approve")!
  // The administrator files the approved decision's sheet; the hash stands in for the PDF's (notify-email renders no PDF).
  const sheet = (document: DocumentModel) => Effect.succeed({ sha256: createHash("sha256").update(JSON.stringify(document)).digest("hex") })
  const filing = { actor: cpStaff.administrator, identityGranted: false, purpose: "Upload" }
  yield* Effect.flatMap(Documents, (documents) => documents.uploadDecisionSheet(filing, approved.id, approved.subject.childIds[0], sheet))
  yield* decisions.amend(cpStaff.chair, approved.id, {
    content: { ...approved.content, sharedFunding: { partners: ["sen"] } },
    whatChanged: "Joint funding with SEN was found to fit",
    why: "The chair noted the education plan names a residential school"
  })
  const queued = yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 10_000)
  return queued.map((entry) => entry.notification).filter((n) => n.kind === "decision.complex_needs_referral" || n.kind === "decision.sheet_uploaded")
}).pipe(
  Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(carePlanning)), Layer.provideMerge(InMemoryAccessLog))),
  Effect.provide(TestContext.TestContext)
)

/** The CPR-6 notice of the Care Planning week. */
export const complexNeedsNotices = Effect.map(carePlanningWeek, (notifications) => notifications.filter((n) => n.kind === "decision.complex_needs_referral"))

/**
 * A North Somerset fortnight played through core's use cases on the in-memory store, reaching every kind of
 * notification core writes: the week of `playWeek` (requests, approvals, the late request, the sitting, decisions,
 * records), then a request returned for changes, a cancelled sitting, an amended decision, an urgent decision outside
 * panel, a dissent escalated to its outcome, a Regulation 24 placement to its extension, and the clock reminders.
 * Answers with every notification core queued or would send, as written.
 */
export const everyCoreNotification: Effect.Effect<ReadonlyArray<Notification>, unknown> = Effect.gen(function* () {
  const [referrals, sittings, decisions, disagreements, placements, deadlines] = yield* Effect.all([
    Referrals,
    Sittings,
    Decisions,
    Disagreements,
    Placements,
    Deadlines
  ])
  const week = yield* playWeek(policy)
  const [approved] = week.decisions
  const panelId = week.sitting.panelId
  const requestType = policy.referral.inScope.requestTypes[0]!

  const returned = yield* referrals.createDraft(staff.socialWorker, exampleForm(panelId, requestType, { id: "child-t", name: "Robin Testwood" }))
  for (const [i, required] of policy.referral.requiredDocuments.entries()) {
    if (required.forRequestTypes !== undefined && !required.forRequestTypes.includes(requestType)) continue
    yield* referrals.recordDocument(staff.socialWorker, returned.id, { documentId: DocumentId.make(`doc-t-${i}`), kind: required.kind, title: required.kind })
  }
  const submitted = yield* referrals.submit(staff.socialWorker, returned.id)
  yield* referrals.returnForChanges(holderOf(submitted.pendingApprovals[0]!.role), returned.id, "Robin Testwood's care plan is missing")

  const later = (yield* sittings.list(staff.administrator, { panelId })).find((sitting) => DateTime.greaterThan(sitting.startsAt, week.sitting.endsAt))!
  yield* sittings.buildAgenda(staff.administrator, later.id, [
    { referralId: week.deferred.id, childIds: week.deferred.form.children.map((child) => child.childId), kind: "request", summary: "Deferred request" }
  ])
  yield* sittings.publishAgenda(staff.administrator, later.id)
  yield* sittings.cancel(staff.administrator, later.id, "The chair is unwell")

  yield* decisions.amend(holderOf("assistant_director"), approved!.id, {
    content: { ...approved!.content, rationale: "Approved with a review in six weeks" },
    whatChanged: "A review date was added",
    why: "The chair asked for an earlier review"
  })

  const urgentType = policy.outsidePanel.approvers.find((entry) => entry.forRequestTypes)?.forRequestTypes?.[0] ?? requestType
  const urgent = yield* referrals.createDraft(staff.socialWorker, exampleForm(panelId, urgentType, { id: "child-u", name: "Morgan Vale" }))
  yield* decisions.recordOutsidePanel(holderOf("head_of_service"), urgent.id, {
    content: exampleDecision(policy, urgentType, "approve", { actionsDue: later.date, key: urgent.id }),
    whyOutsidePanel: "Morgan Vale could not wait for the next sitting",
    timescales: "Agreed for two weeks, then reviewed",
    ...(urgentType === "s20_accommodation" ? { placedAt: yield* DateTime.now } : {})
  })

  // A second urgent decision the Assistant Director will not agree (NSO-10): the caseholders are told it lapsed.
  const refusedRequest = yield* referrals.createDraft(staff.socialWorker, exampleForm(panelId, urgentType, { id: "child-v", name: "Sky Holloway" }))
  const refused = yield* decisions.recordOutsidePanel(holderOf("head_of_service"), refusedRequest.id, {
    content: exampleDecision(policy, urgentType, "approve", { actionsDue: later.date, key: refusedRequest.id }),
    whyOutsidePanel: "Sky Holloway could not wait for the next sitting",
    timescales: "Agreed for two weeks, then reviewed",
    ...(urgentType === "s20_accommodation" ? { placedAt: yield* DateTime.now } : {})
  })
  yield* decisions.refuseOutsidePanel(holderOf("assistant_director"), refused.id, "Sky Holloway's aunt can care for her until the sitting")

  // A third still waits for the Assistant Director when a second proposal on its request is agreed an hour later: it lapses (NSO-10).
  const overtakenRequest = yield* referrals.createDraft(staff.socialWorker, exampleForm(panelId, urgentType, { id: "child-w", name: "Rowan Tilbury" }))
  const proposal = (key: string, why: string) =>
    Effect.gen(function* () {
      return yield* decisions.recordOutsidePanel(holderOf("head_of_service"), overtakenRequest.id, {
        content: exampleDecision(policy, urgentType, "approve", { actionsDue: later.date, key: `${overtakenRequest.id}-${key}` }),
        whyOutsidePanel: why,
        timescales: "Agreed for two weeks, then reviewed",
        ...(urgentType === "s20_accommodation" ? { placedAt: yield* DateTime.now } : {})
      })
    })
  yield* proposal("first", "Rowan Tilbury could not wait for the next sitting")
  yield* TestClock.adjust("1 hour")
  const overtaking = yield* proposal("second", "Rowan Tilbury's carer left overnight")
  yield* decisions.agreeOutsidePanel(holderOf("assistant_director"), overtaking.id)

  // The chair attended the sitting (playWeek records the chair present), so may formally dissent.
  const dissent = yield* disagreements.recordDissent(staff.chair, {
    decisionId: approved!.id,
    member: { personId: staff.chair.personId, name: staff.chair.name },
    dissentsFrom: { _tag: "Decision" },
    grounds: "Alex Brook's family network has not been explored"
  })
  yield* disagreements.noteAreas(staff.chair, dissent.id, ["Whether kinship care was fully explored"])
  yield* disagreements.escalate(staff.chair, dissent.id, "member_manager", { personId: staff.serviceManager.personId, name: staff.serviceManager.name })
  const ad = { personId: staff.assistantDirector.personId, name: staff.assistantDirector.name }
  yield* disagreements.escalate(staff.serviceManager, dissent.id, "assistant_director", ad)
  yield* disagreements.recordOutcome(staff.assistantDirector, dissent.id, { outcome: "upheld", rationale: "Kinship options were explored at the FGC" })

  const placement = yield* connectedPlacement(staff, "child-r")
  yield* TestClock.adjust("15 weeks")
  yield* placements.recordPlacementReconsidered(staff.teamManager, placement.id, true, "Settled with her grandmother; the assessment needs more time")
  yield* placements.recordFosteringPanelViewsSought(staff.socialWorker, placement.id)
  yield* placements.recordIroInformed(staff.socialWorker, placement.id, "Nadia Quarrie")
  yield* placements.extendApproval(staff.headOfService, placement.id, 8)

  const queued = yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 10_000)
  const open = yield* deadlines.forAuthority(staff.administrator)
  // Now, when the abandoned draft's clock is overdue; and a day before the last open clock falls due.
  const last = open.filter((deadline) => deadline.metAt === undefined).sort((a, b) => b.due.epochMillis - a.due.epochMillis)[0]!
  const reminders = [yield* DateTime.now, DateTime.subtract(last.due, { hours: 24 })].flatMap((now) =>
    clockNotifications(open, now, { authorityId: policy.authority.id, policy })
  )
  return [...queued.map((entry) => entry.notification), ...reminders, ...(yield* carePlanningWeek)]
}).pipe(Effect.provide(inMemoryCore(policy)), Effect.provide(TestContext.TestContext))

/** Brackenmoor, a fictional council, runs Lincolnshire's procedure with its own request deadline (BRK-4). */
export const brackenmoorOwnRules = {
  source: "Brackenmoor Children's Resource Panel, terms of reference (2026)",
  rules: { "BRK-4": "Requests reach the panel administrator 5 working days before the sitting." }
}
export const brackenmoor = Effect.runSync(
  decodePolicy({
    extends: "lincolnshire",
    ownRules: brackenmoorOwnRules,
    referral: { submissionDeadline: { ruleId: "BRK-4", clock: { _tag: "DaysBefore", days: 5, unit: "working", time: "12:00" } } }
  })
)

/** The panel administrator told a Brackenmoor request is ready for a sitting, under the authority's own deadline (BRK-4). */
export const brackenmoorReadyNotice: Effect.Effect<Notification, unknown> = Effect.gen(function* () {
  yield* TestClock.setTime(DateTime.unsafeMake("2027-06-01T08:00:00Z").epochMillis)
  yield* requestWithPapers(brackenmoor, "s20_accommodation", { id: "child-b", name: "Briony Hale" })
  const queued = yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 10_000)
  return queued.map((entry) => entry.notification).find((n) => n.kind === "referral.ready")!
}).pipe(Effect.provide(inMemoryCore(brackenmoor)), Effect.provide(TestContext.TestContext))
