import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { DateTime } from "effect"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { clockLookup } from "../../src/notifications/clockLookup.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Referral } from "../../src/referral/Referral.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { decisionsAt } from "../decision/fixtures.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { carers, cmd, identified, placedAt } from "../regulation24/fixtures.js"
import { who } from "./fixtures.js"

const lincolnshire = AuthorityId.make("lincolnshire")
const hours = (n: number) => n * 3_600_000
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/** Robin's request at Lincolnshire, so clocks about the child's placement find the caseholders. */
const robinsRequest = (): Referral =>
  fold(
    referralDecider,
    deciderSpec(referralDecider, contextOf("lincolnshire")).play([
      { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm("support-panel"), by: as(staffOf("lincolnshire").socialWorker), at: placedAt }
    ])
  )!

const placedHistory = () => deciderSpec(placementDecider, contextOf("lincolnshire")).play([cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })], identified())
const placementClocksAt = (now: DateTime.Utc, history = placedHistory()) =>
  deadlinesOf({ referrals: [], sittings: [], placements: [fold(placementDecider, history)!] }, contextOf("lincolnshire"), { now, dueSoonHours: 48 })

const scope = (referrals: ReadonlyArray<Referral> = [robinsRequest()]) => ({
  authorityId: lincolnshire,
  policy: preset("lincolnshire"),
  lookup: clockLookup({ referrals, placements: [fold(placementDecider, placedHistory())!] })
})

const deadline = (overrides: Partial<Deadline>): Deadline => ({
  id: "dec_1:action:act_1",
  about: { kind: "action", id: "act_1" },
  title: "Take Robin Testwood to the dentist (social worker)",
  ruleId: "LIN-5",
  due: london("2027-06-23", "17:00"),
  state: "pending",
  explanation: "due 17:00 Wed 23 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 9 Jun 2027",
  ...overrides
})

describe("clock notifications", () => {
  it("LIN-16, LIN-18: an hour after placement both clocks are due soon and go to the social worker and team manager", () => {
    const now = plus(placedAt, hours(1))
    const sent = clockNotifications(placementClocksAt(now), now, scope())
    expect(who(sent)).toEqual([
      { id: "plc_1:viability:due_soon:2027-03-27T10:00:00.000Z:social_worker", kind: "clock.due_soon", to: "person:priya-ashdown", ruleId: "LIN-16" },
      { id: "plc_1:viability:due_soon:2027-03-27T10:00:00.000Z:team_manager", kind: "clock.due_soon", to: "person:tom-brackley", ruleId: "LIN-16" },
      { id: "plc_1:kinship-referral:due_soon:2027-03-28T10:00:00.000Z:social_worker", kind: "clock.due_soon", to: "person:priya-ashdown", ruleId: "LIN-18" },
      { id: "plc_1:kinship-referral:due_soon:2027-03-28T10:00:00.000Z:team_manager", kind: "clock.due_soon", to: "person:tom-brackley", ruleId: "LIN-18" }
    ])
    expect(sent[0]).toMatchObject({
      headline: "Due soon (LIN-16): Regulation 24 placement for child child-1",
      body: [
        "Viability assessment written up.",
        "This is due at 10:00 Sat 27 Mar 2027.",
        "Why: due 10:00 Sat 27 Mar 2027 - LIN-16: 24 hours after the placement at 10:00 Fri 26 Mar 2027."
      ],
      facts: { deadlineId: "plc_1:viability", alarm: "due_soon", aboutKind: "placement", aboutId: "plc_1" }
    })
  })

  it("LIN-16: a re-run gives the same ids; overdue is a new state and a new id; once met nothing more", () => {
    const soon = plus(placedAt, hours(1))
    const later = plus(placedAt, hours(3))
    const idsAt = (now: DateTime.Utc, history = placedHistory()) =>
      clockNotifications(placementClocksAt(now, history), now, scope()).filter((n) => n.facts.ruleId === "LIN-16").map((n) => n.id)
    expect(idsAt(later)).toEqual(idsAt(soon))
    const overdue = idsAt(plus(placedAt, hours(25)))
    expect(overdue).toEqual(["plc_1:viability:overdue:2027-03-27T10:00:00.000Z:social_worker", "plc_1:viability:overdue:2027-03-27T10:00:00.000Z:team_manager"])
    const met = deciderSpec(placementDecider, contextOf("lincolnshire")).play([cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, plus(placedAt, hours(26)))], placedHistory())
    expect(idsAt(plus(placedAt, hours(27)), met)).toEqual([])
  })

  it("STAT-R24, DEF-R24-EXPIRY-WARNING: two weeks before the temporary approval ends, the warning comes due soon", () => {
    const now = london("2027-07-01", "12:00")
    const sent = clockNotifications(placementClocksAt(now), now, scope())
    expect(sent.map((n) => [n.kind, n.actBy?.ruleId, n.facts.deadlineId])).toContainEqual(["clock.due_soon", "DEF-R24-EXPIRY-WARNING", "plc_1:approval-warning"])
  })

  it("routes each clock to whoever it concerns (CPR-11, LIN-6, LIN-9, SUP-8, LIN-13, CPR-10, NSO-10, LIN-3)", () => {
    const now = london("2027-06-24", "09:00")
    const routed = (d: Partial<Deadline>, policy = preset("lincolnshire")) =>
      who(clockNotifications([deadline({ due: london("2027-06-23", "17:00"), ...d })], now, { authorityId: lincolnshire, policy })).map((n) => n.to)
    expect(routed({ id: "sit_1:record-final", about: { kind: "sitting", id: "sit_1" }, ruleId: "CPR-11" }, preset("north-somerset"))).toEqual(["role:assistant_director"])
    expect(routed({ id: "sit_1:record-draft", about: { kind: "sitting", id: "sit_1" }, ruleId: "CPR-11" })).toEqual(["role:panel_administrator"])
    expect(routed({ id: "dec_1:actions-case-note", about: { kind: "decision", id: "dec_1" }, ruleId: "LIN-6" })).toEqual(["role:team_manager"])
    expect(routed({ id: "dec_1:fgc:act_1:service_manager", ruleId: "LIN-9" })).toEqual(["role:service_manager", "role:practice_supervisor"])
    expect(routed({ id: "dis_1:outcome", about: { kind: "disagreement", id: "dis_1" }, ruleId: "DEF-DISAGREEMENT-5WD" })).toEqual(["role:assistant_director", "role:panel_chair"])
    expect(routed({ id: "dis_1:outcome", about: { kind: "disagreement", id: "dis_1" }, ruleId: "DEF-DISAGREEMENT-10WD" }, preset("support-panels"))).toEqual([
      "role:assistant_director"
    ])
    expect(routed({ id: "dis_1:areas", about: { kind: "disagreement", id: "dis_1" }, ruleId: "SUP-8" })).toEqual(["role:panel_chair", "role:panel_administrator"])
    expect(routed({ id: "dec_1:return", about: { kind: "decision", id: "dec_1" }, ruleId: "CPR-10" })).toEqual(["role:panel_administrator"])
    expect(routed({ id: "dec_1:retrospective", about: { kind: "decision", id: "dec_1" }, ruleId: "NSO-10" })).toEqual(["role:panel_administrator"])
    expect(routed({ id: "ref_1:submission:sit_1", about: { kind: "referral", id: "ref_1" }, ruleId: "LIN-3" })).toEqual(["role:team_manager"])
  })

  it("LIN-5: an overdue action reaches the request's caseholders, its free-text title with the child's name taken out", () => {
    const lin = decisionsAt("lincolnshire")
    const decision = fold(decisionDecider, lin.signed())!
    const referral = { ...robinsRequest(), id: ReferralId.make("ref_1") }
    const now = london("2027-06-24", "09:00")
    const sent = clockNotifications([deadline({})], now, { authorityId: lincolnshire, lookup: clockLookup({ referrals: [referral], decisions: [decision] }) })
    expect(who(sent)).toEqual([
      { id: "dec_1:action:act_1:overdue:2027-06-23T16:00:00.000Z:social_worker", kind: "clock.overdue", to: "person:priya-ashdown", ruleId: "LIN-5" },
      { id: "dec_1:action:act_1:overdue:2027-06-23T16:00:00.000Z:team_manager", kind: "clock.overdue", to: "person:tom-brackley", ruleId: "LIN-5" }
    ])
    expect(sent[0]?.headline).toBe("Overdue (LIN-5): action for child child-1")
    expect(sent[0]?.body[0]).toBe("Take the child to the dentist (social worker).")
    expect(sent.map((n) => n.facts.referralId), "names the decision's request, for whoever sent it").toEqual([decision.subject.referralId, decision.subject.referralId])
    const placementClock = clockNotifications(placementClocksAt(plus(placedAt, hours(1))), plus(placedAt, hours(1)), scope())
    expect(placementClock.map((n) => n.facts.referralId), "a placement's clock is the child's, not one request's").toEqual(placementClock.map(() => undefined))
  })

  test.prop([fc.integer({ min: -2000, max: 2000 }), fc.boolean()])("never reminds of a met clock, whatever the hour", (offsetHours, late) => {
    const due = london("2027-06-23", "17:00")
    const metAt = plus(due, hours(late ? 5 : -5))
    const now = plus(due, hours(offsetHours))
    expect(clockNotifications([deadline({ state: "met", metAt, metLate: late })], now, { authorityId: lincolnshire })).toEqual([])
  })

  test.prop([fc.array(fc.integer({ min: -200, max: 200 }), { minLength: 1, maxLength: 40 })])(
    "runs at any hours give at most one id per recipient per state: due soon once, overdue once",
    (offsets) => {
      const due = london("2027-06-23", "17:00")
      const ids = new Set(offsets.flatMap((offset) => clockNotifications([deadline({})], plus(due, hours(offset)), { authorityId: lincolnshire }).map((n) => n.id)))
      const states = new Set(offsets.map((offset) => (offset > 0 ? "overdue" : offset >= -48 ? "due_soon" : "quiet")))
      expect(ids.size).toBe([...states].filter((state) => state !== "quiet").length)
    }
  )

  it("an overdue action whose case cannot be read reaches role holders without its free-text title: no child's name could be taken out of it", () => {
    const now = london("2027-06-24", "09:00")
    const sent = clockNotifications([deadline({ title: "Take Tallulah Canarywood to the dentist (social worker)" })], now, { authorityId: lincolnshire })
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.every((notice) => notice.recipients.every((recipient) => recipient._tag === "RoleHolder"))).toBe(true)
    expect(JSON.stringify(sent)).not.toContain("Canarywood")
    expect(sent[0]?.body[0]).toBe("(not shown here: read it in Carepanel).")
    expect(sent[0]?.body[2]).toBe("Why: due 17:00 Wed 23 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 9 Jun 2027.")
  })

  it("a clock about a child with no request of their own reaches the team manager role only", () => {
    const now = plus(placedAt, hours(1))
    const sent = clockNotifications(placementClocksAt(now), now, scope([{ ...robinsRequest(), form: completeForm("support-panel", { children: [] }) }]))
    expect(new Set(who(sent).map((n) => n.to))).toEqual(new Set(["role:team_manager"]))
  })
})
