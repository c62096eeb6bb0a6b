import { describe, expect, it } from "@effect/vitest"
import type { DateTime } from "effect"
import type { Decision } from "../../src/decision/Decision.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import { clockLookup } from "../../src/notifications/clockLookup.js"
import type { Referral } from "../../src/referral/Referral.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import { fold } from "../../src/shared/decider.js"
import { ChildId, PersonId, ReferralId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"

const robin = completeForm("support-panel").children[0]!
const ash = { ...robin, childId: ChildId.make("child-2"), fullName: "Ash Testwood" }

/** A Lincolnshire request for the children named, drafted at `createdAt` by the social worker named. */
const request = (id: string, socialWorker: string, createdAt: DateTime.Utc, children = [robin], status: Referral["status"] = "draft"): Referral => {
  const form = completeForm("support-panel", { children, socialWorker: { personId: PersonId.make(socialWorker.toLowerCase().replace(" ", "-")), name: socialWorker } })
  const drafted = fold(
    referralDecider,
    deciderSpec(referralDecider, contextOf("lincolnshire")).play([
      { _tag: "CreateDraft", referralId: ReferralId.make(id), form, by: as(staffOf("lincolnshire").socialWorker), at: createdAt }
    ])
  )!
  return { ...drafted, status }
}

// The clock lookup reads only these fields of a decision, a disagreement, a placement and a sitting.
const decision = { id: "dec_1", subject: { referralId: "ref_2" }, content: { actions: [{ actionId: "act_7" }] } } as unknown as Decision
const disagreement = { id: "dis_1", referralId: "ref_2" } as unknown as Disagreement
const placement = { id: "plc_1", childId: "child-1" } as unknown as Placement
const sitting = { id: "sit_1", panelId: "support-panel" } as unknown as Sitting

/** Given Robin's requests over the years, and Ash's: the newest open one of Robin's is Nia Oduya's (March 2027). */
const requests = [
  request("ref_1", "Priya Ashdown", london("2026-01-05", "09:00")),
  request("ref_3", "Nia Oduya", london("2027-03-01", "09:00")),
  request("ref_2", "Cal Brennan", london("2026-09-01", "09:00")),
  request("ref_4", "Wren Halloway", london("2027-04-01", "09:00"), [robin], "withdrawn"),
  request("ref_5", "Jo Pellow", london("2027-05-01", "09:00"), [robin], "redirected"),
  request("ref_6", "Kit Marram", london("2027-06-01", "09:00"), [ash])
]
// Built in each test, not when the file loads: per-test coverage then tells the mutation run which tests reach it.
const lookupOf = () => clockLookup({ referrals: requests, decisions: [decision], disagreements: [disagreement], placements: [placement], sittings: [sitting] })
const socialWorkerFor = (kind: "referral" | "sitting" | "decision" | "action" | "disagreement" | "placement" | "child", id: string) =>
  lookupOf().caseOf({ kind, id })?.socialWorker?.name

describe("whose case a clock is about, so the right caseholders are reminded", () => {
  it("a request's clock is its own case; a decision's, its action's and its disagreement's are the request's", () => {
    const lookup = lookupOf()
    expect(socialWorkerFor("referral", "ref_1")).toBe("Priya Ashdown")
    expect(lookup.caseOf({ kind: "referral", id: "ref_1" })?.childNames).toEqual(["Robin Testwood"])
    expect([socialWorkerFor("decision", "dec_1"), socialWorkerFor("action", "act_7"), socialWorkerFor("disagreement", "dis_1")]).toEqual(["Cal Brennan", "Cal Brennan", "Cal Brennan"])
    expect(["referral:ref_1", "decision:dec_1", "action:act_7", "disagreement:dis_1"].map((about) => {
      const [kind, id] = about.split(":") as ["referral", string]
      return lookup.requestOf({ kind, id })
    })).toEqual(["ref_1", "ref_2", "ref_2", "ref_2"])
  })

  it("a placement's clock and a child's record clock go to the child's newest request still open: not a withdrawn or redirected one, nor a sibling's", () => {
    const lookup = lookupOf()
    expect(socialWorkerFor("placement", "plc_1")).toBe("Nia Oduya")
    expect(socialWorkerFor("child", "child-1")).toBe("Nia Oduya")
    expect(socialWorkerFor("child", "child-2")).toBe("Kit Marram")
    // They are the child's clocks, not a request's.
    expect([lookup.requestOf({ kind: "placement", id: "plc_1" }), lookup.requestOf({ kind: "child", id: "child-1" })]).toEqual([undefined, undefined])
  })

  it("a clock whose record or request is not known, or a child with no open request, has no case: the notice falls back to role holders", () => {
    const lookup = lookupOf()
    const closedOnly = clockLookup({ referrals: [request("ref_4", "Wren Halloway", london("2027-04-01", "09:00"), [robin], "withdrawn")], placements: [placement] })
    expect([
      socialWorkerFor("referral", "ref_9"),
      socialWorkerFor("decision", "dec_9"),
      socialWorkerFor("action", "act_9"),
      socialWorkerFor("disagreement", "dis_9"),
      socialWorkerFor("placement", "plc_9"),
      socialWorkerFor("child", "child-9"),
      closedOnly.caseOf({ kind: "placement", id: "plc_1" }),
      closedOnly.caseOf({ kind: "decision", id: "dec_1" })
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined])
    expect([lookup.requestOf({ kind: "decision", id: "dec_9" }), lookup.requestOf({ kind: "action", id: "act_9" }), lookup.requestOf({ kind: "disagreement", id: "dis_9" })]).toEqual([
      undefined,
      undefined,
      undefined
    ])
  })

  it("a sitting's clock has its panel (whose chair is told) and no case", () => {
    const lookup = lookupOf()
    expect(lookup.panelOf({ kind: "sitting", id: "sit_1" })).toBe("support-panel")
    expect(lookup.panelOf({ kind: "sitting", id: "sit_9" })).toBeUndefined()
    expect(lookup.caseOf({ kind: "sitting", id: "sit_1" })).toBeUndefined()
    expect(lookup.requestOf({ kind: "sitting", id: "sit_1" })).toBeUndefined()
    // Only a sitting's clock has a panel, whatever its id.
    expect(clockLookup({ referrals: [], sittings: [{ ...sitting, id: "ref_1" } as Sitting] }).panelOf({ kind: "referral", id: "ref_1" })).toBeUndefined()
  })

  it("with only requests given, every other record's clock has no case", () => {
    const only = clockLookup({ referrals: requests })
    expect([only.caseOf({ kind: "decision", id: "dec_1" }), only.caseOf({ kind: "placement", id: "plc_1" }), only.panelOf({ kind: "sitting", id: "sit_1" })]).toEqual([undefined, undefined, undefined])
    expect(only.caseOf({ kind: "child", id: "child-1" })?.socialWorker?.name).toBe("Nia Oduya")
  })
})
