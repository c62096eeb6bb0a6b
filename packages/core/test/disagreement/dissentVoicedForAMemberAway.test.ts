import { describe, expect, it } from "@effect/vitest"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { dissentBlocks } from "../../src/documents/decisionBlocks.js"
import { preset } from "../../src/policy/authorities/index.js"
import { PersonId } from "../../src/shared/ids.js"
import type { Attendance } from "../../src/sitting/SittingEvents.js"
import { actorAt } from "../../src/testing/actors.js"
import { as } from "../fixtures.js"
import { readerAs } from "../documents/fixtures.js"
import { childNaming } from "../../src/documents/DocumentReader.js"
import { attending, decisionAtPanel, panelOf } from "./fixtures.js"

// Knowsley's Circle of Support: KNO-2, "an absent member names a deputy or another member to represent them".
const kno = panelOf("knowsley")
const { member: sam, chair } = kno.staff
const jo = actorAt("knowsley")("Jo Pellow", "panel_member")
const ben = actorAt("knowsley")("Ben Morrow", "panel_member")
const joParty = { personId: jo.personId, name: jo.name }

/** Jo Pellow present, representing Sam Jessop, who sent apologies; Ben Morrow present in his own seat. */
const sitting = (panelId: string, samStatus: Attendance["status"] = "apologies", more: ReadonlyArray<Attendance> = []) =>
  decisionAtPanel({
    panelId,
    attendance: [
      attending(chair, "present", "Chair"),
      { ...attending(jo, "present", "Education"), represents: [sam.personId] },
      attending(ben, "present", "Finance"),
      attending(sam, samStatus, "Youth Offending"),
      ...more
    ]
  })

/** The dissent Jo voices for Sam, recorded by Jo herself unless another recorder is given. */
const voiced = (panel: ReturnType<typeof panelOf>, decision: ReturnType<typeof sitting>, overrides: Record<string, unknown> = {}, by = as(jo)): DisagreementCommand =>
  ({ ...panel.recordDissent("chair", { decision, member: joParty, onBehalfOf: sam.personId, ...overrides }), by }) as DisagreementCommand

describe("a member present voices the dissent of a member away whom they represent (KNO-2)", () => {
  it("KNO-2: the dissent is the member away's, named and seated as the attendance recorded them, and records who voiced it", () => {
    const state = kno.spec.given([]).when(voiced(kno, sitting("circle-of-support"))).state()
    expect(state).toMatchObject({
      member: { personId: sam.personId, name: "Sam Jessop" },
      attendance: "represented",
      onBehalf: { memberSeat: "Youth Offending", voicedBy: { personId: jo.personId, name: "Jo Pellow" }, voicedBySeat: "Education", ruleId: "KNO-2" }
    })
    // The chair may record it for them, as for any member's dissent.
    expect(kno.spec.given([]).when(voiced(kno, sitting("circle-of-support"), {}, as(chair))).state()?.member.name).toBe("Sam Jessop")
  })

  it("KNO-2: the record says who voiced it: the member away, their seat, the rule, and the member present who represented them", () => {
    const state = kno.spec.given([]).when(voiced(kno, sitting("circle-of-support"))).state() as Disagreement
    const [block] = dissentBlocks([state], childNaming(readerAs("chair"), []), preset("knowsley"))
    expect(block).toMatchObject({
      rows: expect.arrayContaining([["Dissent", "Sam Jessop, Youth Offending (DEF-DISAGREEMENT-ROUTE, Carepanel default, not in the terms of reference; set by the authority's policy; voiced by Jo Pellow, Education, representing them, KNO-2), recorded 11:30 Wed 9 Jun 2027"]])
    })
  })

  it("CPR-3 where the panel's cover cites it; no rule where the cover is Carepanel's default", () => {
    const cpr = panelOf("care-planning")
    expect(cpr.spec.given([]).when(voiced(cpr, sitting("care-planning-and-resources"))).state()?.onBehalf?.ruleId).toBe("CPR-3")
    const sup = panelOf("support-panels")
    const state = sup.spec.given([]).when(voiced(sup, sitting("support-panel"))).state()
    expect(state?.onBehalf).toEqual({ memberSeat: "Youth Offending", voicedBy: joParty, voicedBySeat: "Education" })
  })

  it("KNO-2: refuses, nothing recorded, a member present who does not represent them, and says what to record first", () => {
    const refusal = kno.spec.given([]).when(voiced(kno, sitting("circle-of-support"), { member: { personId: ben.personId, name: ben.name } }, as(ben))).refusal()
    expect(refusal).toMatchObject({
      _tag: "MemberNotAtSitting",
      attendance: "present",
      message:
        "Ben Morrow is not recorded as representing Sam Jessop at the sitting on Wed 9 Jun 2027, so cannot voice Sam Jessop's dissent: the member present who represents a member away (KNO-2) voices it " +
        "(DEF-DISSENT, Carepanel default, not in the terms of reference; set by the authority's policy). Record Sam Jessop as represented by a member present first."
    })
  })

  it("KNO-2: refuses, nothing recorded, the member away's dissent in their own name, naming who represented them", () => {
    const refusal = kno.spec.given([]).when(kno.recordDissent("chair", { decision: sitting("circle-of-support") })).refusal()
    expect(refusal).toMatchObject({
      _tag: "MemberNotAtSitting",
      attendance: "apologies",
      message: expect.stringContaining(
        "Sam Jessop was away from the sitting on Wed 9 Jun 2027, so cannot formally dissent from its decisions in their own name (DEF-DISSENT, Carepanel default, not in the terms of reference; set by the authority's policy). Jo Pellow, present, represented them (KNO-2): record the dissent as voiced by Jo Pellow on Sam Jessop's behalf."
      )
    })
  })

  it("KNO-2: refuses, nothing recorded, a voice for a member at the sitting, for themselves, or before attendance is taken", () => {
    const refusalOf = (command: DisagreementCommand) => kno.spec.given([]).when(command).refusal()
    const samThere = { ...sitting("circle-of-support", "present"), sitting: { ...sitting("circle-of-support").sitting!, attendance: [attending(chair, "present", "Chair"), attending(jo, "present", "Education"), attending(sam, "present", "Youth Offending")] } }
    expect(refusalOf(voiced(kno, samThere)).message).toBe(
      "Sam Jessop is recorded as present at the sitting on Wed 9 Jun 2027, not away: a member away is represented (KNO-2). Record the dissent as Sam Jessop's own (DEF-DISSENT, Carepanel default, not in the terms of reference; set by the authority's policy)."
    )
    expect(refusalOf(voiced(kno, sitting("circle-of-support"), { onBehalfOf: jo.personId })).message).toMatch(/^Jo Pellow cannot voice a dissent on their own behalf: record it as Jo Pellow's own dissent/)
    const early = decisionAtPanel({ panelId: "circle-of-support", attendance: [attending(sam, "apologies")] })
    expect(refusalOf(voiced(kno, early))).toMatchObject({
      attendance: "not_recorded",
      message: expect.stringMatching(/^Attendance at the sitting on Wed 9 Jun 2027 is not recorded yet, so it cannot show that Jo Pellow represents Sam Jessop: record the attendance first, with Jo Pellow present and representing them \(KNO-2\)/)
    })
    expect(refusalOf(voiced(kno, sitting("circle-of-support"), { onBehalfOf: PersonId.make("nobody-here") })).message).toMatch(/^Jo Pellow is not recorded as representing the member they speak for \(nobody-here\)/)
  })

  it("KNO-2: someone who is not the member present voicing it, nor the chair or administrator, cannot record it", () => {
    const refusal = kno.spec.given([]).when(voiced(kno, sitting("circle-of-support"), {}, as(ben))).refusal()
    expect(refusal).toMatchObject({ _tag: "NotTheDissentingMember" })
  })
})

