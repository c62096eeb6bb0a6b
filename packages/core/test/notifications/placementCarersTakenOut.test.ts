import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import { ClockReminders } from "../../src/notifications/ClockReminders.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Notification } from "../../src/ports/Notification.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { ActionId, AuthorityId, ReferralId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf, requestWithPapers } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"
import { childId, placedUnderS20, setTime, yesToRefuse } from "../regulation24/fixtures.js"

// A connected carer is named on the child's Regulation 24 placement, not on the request form: before, a decision's
// rationale, its actions (and their reminders) and a dissent's grounds went to the caseholders and role mailboxes with
// the carer's name as typed, because only the form's names were taken out.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")

/** The placement's people (`placedUnderS20`): her aunt Della Penrose and his husband Owain, her mother Dana Harrow. */
const placementNames = /Della|Owain|Penrose|Dana|Harrow/

/**
 * Robin, placed with her aunt and uncle under s20 on 26 March 2027 (a placement that ended on 30 April, when `ended`),
 * comes to the sitting of Wed 9 Jun 2027: the decision names the aunt and the mother, a member's dissent the uncle; an
 * action to visit the aunt is overdue on 24 June. Every notification queued for email by then.
 */
const everyNoticeOfRobinsCase = (ended: boolean) => Effect.gen(function* () {
  const [decisions, disagreements, sittings, outbox] = yield* Effect.all([Decisions, Disagreements, Sittings, Outbox])
  const placement = yield* placedUnderS20
  if (ended) {
    yield* setTime(london("2027-04-30", "12:00"))
    yield* (yield* Placements).end(staff.serviceManager, placement, "child_moved")
  }
  const { request, sitting } = yield* onTheAgendaOfTheNinth(lin, "s20_accommodation", { id: childId, name: "Robin Oakes" }, staff.chair)
  const content = {
    ...exampleDecision(lin, "s20_accommodation", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "s20" }),
    rationale: "Della Penrose can keep Robin safe while Dana Harrow works with the service",
    actions: [{ actionId: ActionId.make("s20-visit"), description: "Visit Della Penrose at home", ownerRole: "social_worker" as const, dueDate: "2027-06-23" as LocalDate, fgcReferral: false }]
  }
  const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, content)
  const decision = yield* signOffAll(recorded, staff.chair, (role) => holderOf("lincolnshire", role))
  const member = { personId: staff.member.personId, name: staff.member.name }
  yield* sittings.recordAttendance(staff.administrator, sitting.id, { ...member, seat: "Member", membership: "standing", status: "present" })
  yield* disagreements.recordDissent(staff.member, {
    decisionId: decision.id,
    member,
    dissentsFrom: { _tag: "Decision" },
    grounds: "Owain Penrose works nights: the aunt is alone with Robin"
  })
  const overdue = london("2027-06-24", "09:00")
  yield* setTime(overdue)
  yield* (yield* ClockReminders).remind(AuthorityId.make("lincolnshire"))
  return (yield* outbox.due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification)
})

const bodyOf = (notices: ReadonlyArray<Notification>, kind: string) => notices.filter((notice) => notice.kind === kind).flatMap((notice) => notice.body)

describe("names held only on the child's Regulation 24 placement", () => {
  it.effect.each([
    { placement: "running", ended: false },
    { placement: "ended before the sitting", ended: true }
  ])("STAT-GDPR: a decision's rationale and action, a dissent's grounds and the action's reminder reach no body, headline or facts with the names of the carers or s20 parent of a placement $placement", ({ ended }) =>
    Effect.gen(function* () {
      const notices = yield* everyNoticeOfRobinsCase(ended)
      expect(bodyOf(notices, "decision.final")).toContain("Rationale: a parent or carer can keep the child safe while a parent or carer works with the service")
      expect(bodyOf(notices, "decision.final")).toContain("- Visit a parent or carer at home - social worker - due Wed 23 Jun 2027")
      expect(bodyOf(notices, "disagreement.dissent_recorded")).toContain("Grounds: a parent or carer works nights: the aunt is alone with the child")
      expect(bodyOf(notices, "clock.overdue")).toContain("Visit a parent or carer at home (social worker).")
      for (const notice of notices) {
        for (const text of [notice.headline, ...Object.values(notice.facts).map(String), ...notice.body]) expect(text, notice.kind).not.toMatch(placementNames)
      }
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("STAT-GDPR: a request returned for changes with a reason naming the child's connected carer reaches the social worker without the name", () =>
    Effect.gen(function* () {
      yield* placedUnderS20
      yield* setTime(london("2027-06-01", "09:00"))
      const draft = yield* requestWithPapers(lin, "s20_accommodation", { id: childId, name: "Robin Oakes" }, { draft: true })
      const referrals = yield* Referrals
      yield* referrals.submit(staff.socialWorker, draft.id)
      yield* referrals.returnForChanges(staff.teamManager, draft.id, "Add Della Penrose's viability assessment")
      const returned = (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification).filter((notice) => notice.kind === "referral.returned")
      expect(returned.flatMap((notice) => notice.body)).toContain("Returned by Tom Brackley (team manager): Add a parent or carer's viability assessment")
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("STAT-GDPR: a second placement's carer, whose relationship names the carer of the child's first (ended) placement, reaches no placement notice's body, headline or facts with that name", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const first = yield* placedUnderS20
      yield* setTime(london("2027-04-30", "12:00"))
      yield* placements.end(staff.serviceManager, first, "child_moved")
      yield* requestWithPapers(lin, "s20_accommodation", { id: childId, name: "Robin Oakes" })
      const placedAgain = london("2027-06-02", "10:00")
      yield* setTime(placedAgain)
      const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      yield* placements.recordPlacementMade(staff.socialWorker, id, placedAgain, [{ name: "Mel Quarry", relationship: "Della Penrose's partner", hasParentalResponsibility: false }])
      const notices = (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification)
      const second = notices.filter((notice) => notice.id.startsWith(`${id}:`))
      expect(bodyOf(second, "placement.authorisation_needed")).toContain("Placed at 10:00 Wed 2 Jun 2027 with connected-person carers: a parent or carer's partner.")
      for (const notice of notices) {
        for (const text of [notice.headline, ...Object.values(notice.facts).map(String), ...notice.body]) expect(text, notice.kind).not.toMatch(placementNames)
      }
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})

// A placement knows only the child: its carers' relationships lose the child's name as the child's requests write it.
// Before, a child with no open request (every request withdrawn or redirected, or none yet) had no name to take out, so
// "Robin's gran" reached the service manager's mailbox as typed; and a request row of the child's that could not be read
// was passed over for an older one, whose form lacks what the newer one added.

/** Robin placed on Wed 2 Jun 2027 with a carer whose relationship is typed as `relationship`: every notice queued for email by then. */
const placedWith = (relationship: string) =>
  Effect.gen(function* () {
    const placements = yield* Placements
    const at = london("2027-06-02", "10:00")
    yield* setTime(at)
    const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
    yield* placements.recordPlacementMade(staff.socialWorker, id, at, [{ name: "Mo Fairley", relationship, hasParentalResponsibility: true }])
    return (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification)
  })

/** Robin Oakes's request, drafted on Tue 1 Jun 2027 and withdrawn the same day. */
const withdrawnRequest = Effect.gen(function* () {
  yield* setTime(london("2027-06-01", "09:00"))
  const draft = yield* requestWithPapers(lin, "s20_accommodation", { id: childId, name: "Robin Oakes" }, { draft: true })
  yield* (yield* Referrals).withdraw(staff.socialWorker, draft.id, "The family moved out of the area")
})

const withheld = "Placed at 10:00 Wed 2 Jun 2027 with connected-person carers: (not shown here: read it in Carepanel)."

describe("a placement's carers' relationships when the child has no open request", () => {
  it.effect("STAT-GDPR: with only a withdrawn request, a relationship naming the child reaches the service manager as 'the child's gran'", () =>
    Effect.gen(function* () {
      yield* withdrawnRequest
      const notices = yield* placedWith("Robin's gran")
      expect(bodyOf(notices, "placement.authorisation_needed")).toContain("Placed at 10:00 Wed 2 Jun 2027 with connected-person carers: the child's gran (parental responsibility).")
      for (const notice of notices) {
        for (const text of [notice.headline, ...Object.values(notice.facts).map(String), ...notice.body]) expect(text, notice.kind).not.toMatch(/Robin|Oakes/)
      }
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("STAT-GDPR: with no request naming the child, its name cannot be known: the relationships are withheld from every placement notice", () =>
    Effect.gen(function* () {
      const notices = yield* placedWith("Robin's gran")
      expect(bodyOf(notices, "placement.authorisation_needed")).toEqual([withheld, expect.stringContaining("Authorise the placement")])
      expect(bodyOf(notices, "placement.clocks_started")).toContain(withheld)
      for (const notice of notices) expect(notice.body.join("\n"), notice.kind).not.toMatch(/Robin|\bgran\b/)
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("STAT-GDPR: a request row of the child's that cannot be read leaves the names unknown, though an older request reads: the relationships are withheld", () =>
    Effect.gen(function* () {
      yield* setTime(london("2027-05-04", "09:00"))
      yield* requestWithPapers(lin, "s20_accommodation", { id: childId, name: "Robin Oakes" }, { draft: true })
      // A newer request whose row this version cannot read: it lists her mother, Kit Ember, whom the older form does not.
      const newer = { id: ReferralId.make("ref_newer"), status: "archived", form: { children: [{ childId, fullName: "Robin Oakes" }], parentalHistory: [{ parent: "Kit Ember" }] } }
      const stream = { authorityId: AuthorityId.make("lincolnshire"), streamType: "referral", id: newer.id }
      yield* (yield* EventStore).append({ stream, expectedVersion: 0, events: [], readModels: [{ collection: "referrals", authorityId: stream.authorityId, id: newer.id, index: { childIds: [childId] }, doc: newer }], notifications: [] })
      const notices = yield* placedWith("Kit Ember's sister")
      expect(bodyOf(notices, "placement.authorisation_needed")[0]).toBe(withheld)
      for (const notice of notices) expect(notice.body.join("\n"), notice.kind).not.toMatch(/Ember/)
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})
