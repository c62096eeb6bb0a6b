import { describe, expect, it } from "@effect/vitest"
import { DecisionId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { agreedOutside, decidedAt, factsOf, heard, propose, proposedAt, request, type Step, sittingOn } from "./fixtures.js"

const sup = "support-panels" as const
const nso = "north-somerset" as const
const supSittings = () => ["2027-05-25", "2027-06-08", "2027-06-22", "2027-07-06", "2027-07-20"].map((date) => sittingOn(sup, date))
const nsoSittings = () => ["2027-06-09", "2027-07-28", "2027-08-04", "2027-08-11", "2027-08-18", "2027-08-25"].map((date) => sittingOn(nso, date))
const accept = (sitting: ReturnType<typeof sittingOn>): Step => ({ who: "administrator", command: { _tag: "AcceptOntoSitting", sitting: factsOf(sitting) } })
const preProceedings = { minutes: undefined, agreed: { preProceedings: true } }
const accommodation = (weeks: number) => ({ agreed: { accommodationWeeks: weeks, placement: "in_house_foster" as const } })
const deferral = { outcome: "defer" as const, agreed: {}, actions: [] }

describe("which reviews a sitting is offered", () => {
  it("NSO-9: the 8-10 week review is met by the request's next hearing at panel inside the window, not by an agreement outside panel", () => {
    const sittings = nsoSittings()
    const approved = decidedAt(nso, sittings[0]!, "ref_p", preProceedings, ["pre_proceedings"])
    expect(proposedAt(nso, "ref_p", { decisions: [approved], sittings }, "review")).toEqual(["sit_2027-08-18"])
    // Reviewed at 11 August (inside the window): nothing more is owed on these sittings.
    const reviewed = decidedAt(nso, sittings[3]!, "ref_p", preProceedings, ["pre_proceedings"])
    expect(proposedAt(nso, "ref_p", { decisions: [approved, reviewed], sittings }, "review")).toEqual([])
    // Accommodation agreed outside panel on 12 August is no review of the pre-proceedings.
    const outside = agreedOutside(nso, "ref_p", london("2027-08-12", "19:00"), "headOfService", {
      types: ["s20_accommodation"],
      agreed: { accommodationWeeks: 6, placement: "in_house_foster" },
      placedAt: london("2027-08-12", "18:00"),
      alsoAgreed: ["assistantDirector"]
    })
    expect(propose(nso, sittings[4]!, { decisions: [approved, outside], sittings }).map((entry) => entry.summary)).toContain("Review (NSO-9) of starting pre-proceedings")
  })

  it("NSO-9: only an approval of pre-proceedings starts the 8-10 week reviews; accommodation comes back by its own weeks", () => {
    const sittings = nsoSittings()
    const decisions = [decidedAt(nso, sittings[0]!, "ref_s", accommodation(12))]
    expect(proposedAt(nso, "ref_s", { decisions, sittings }, "review")).toEqual(["sit_2027-08-25"])
    expect(propose(nso, sittings[5]!, { decisions, sittings }).map((entry) => entry.summary)).toEqual(["Review (DEF-RECORD-TIMESCALES, Carepanel default, not in the terms of reference; set by the authority's policy) of accommodation under section 20"])
  })

  it("a return date is closed once the request is heard again; a later decision on another request leaves it open", () => {
    const sittings = supSittings()
    const approved = decidedAt(sup, sittings[1]!, "ref_r", accommodation(6))
    expect(proposedAt(sup, "ref_r", { decisions: [approved], sittings }, "review")).toEqual(["sit_2027-07-20"])
    const heardAgain = decidedAt(sup, sittings[2]!, "ref_r", deferral)
    expect(proposedAt(sup, "ref_r", { decisions: [approved, heardAgain], sittings }, "review")).toEqual([])
    const another = decidedAt(sup, sittings[2]!, "ref_other", deferral)
    expect(proposedAt(sup, "ref_r", { decisions: [approved, another], sittings }, "review")).toEqual(["sit_2027-07-20"])
  })

  it("LIN-7: a decline asking the case to come back is brought back by its return date, as an approval would be", () => {
    const sittings = supSittings()
    const back = { withinWeeks: 4, ruleId: "DEF-RECORD-TIMESCALES" as const }
    const declined = decidedAt(sup, sittings[1]!, "ref_x", { outcome: "decline", agreed: {}, returnToPanel: back })
    const approved = decidedAt(sup, sittings[1]!, "ref_x", { returnToPanel: back })
    expect(proposedAt(sup, "ref_x", { decisions: [declined], sittings }, "review")).toEqual(["sit_2027-07-06"])
    expect(proposedAt(sup, "ref_x", { decisions: [approved], sittings }, "review")).toEqual(["sit_2027-07-06"])
    expect(propose(sup, sittings[3]!, { decisions: [declined], sittings }).map((entry) => entry.summary)).toEqual(["Review (DEF-RECORD-TIMESCALES, Carepanel default, not in the terms of reference; set by the authority's policy) of accommodation under section 20"])
    const heardAgain = decidedAt(sup, sittings[2]!, "ref_x", deferral)
    expect(proposedAt(sup, "ref_x", { decisions: [declined, heardAgain], sittings }, "review")).toEqual([])
  })

  it("reviews due at one sitting come in the order their decisions were made, whatever order the decisions were read in", () => {
    const sittings = supSittings()
    const earlier = decidedAt(sup, sittings[0]!, "ref_a", accommodation(10))
    const later = decidedAt(sup, sittings[1]!, "ref_b", accommodation(6))
    const offeredAt = (decisions: ReturnType<typeof decidedAt>[]) => propose(sup, sittings[4]!, { decisions, sittings }).map((entry) => entry.referralId)
    expect(offeredAt([later, earlier])).toEqual(["ref_a", "ref_b"])
    expect(offeredAt([earlier, later])).toEqual(["ref_a", "ref_b"])
  })

  it("a declined accommodation period brings nothing back, and a deferral asking to return comes back as a deferral, not also as a review", () => {
    const sittings = supSittings()
    const declined = decidedAt(sup, sittings[1]!, "ref_x", { outcome: "decline", ...accommodation(4) })
    expect(proposedAt(sup, "ref_x", { decisions: [declined], sittings })).toEqual([])
    const deferred = decidedAt(sup, sittings[1]!, "ref_x", { ...deferral, returnToPanel: { withinWeeks: 4, ruleId: "DEF-RECORD-TIMESCALES" } })
    expect(proposedAt(sup, "ref_x", { decisions: [deferred], sittings }, "review")).toEqual([])
  })
})

describe("a deferred request coming back", () => {
  const types = "accommodation under section 20"

  it("recorded the morning after its sitting, it still names the sitting that deferred it", () => {
    const sittings = supSittings()
    const deferred = request(sup, "ref_d", { steps: [accept(sittings[1]!), heard(sittings[1]!, "defer", "dec_d", london("2027-06-09", "09:30"))] })
    expect(proposedAt(sup, "ref_d", { referrals: [deferred], sittings })).toEqual(["sit_2027-06-22"])
    expect(propose(sup, sittings[2]!, { referrals: [deferred], sittings })[0]!.summary).toBe(`Request deferred from the sitting on Tue 8 Jun 2027: ${types}`)
  })

  it("recorded with no sitting, it comes back at the first sitting after it was recorded, dated that day", () => {
    const sittings = supSittings()
    const deferred = request(sup, "ref_d", {
      steps: [{ who: "administrator", at: london("2027-06-10", "12:00"), command: { _tag: "RecordHearing", decisionId: DecisionId.make("dec_d"), outcome: "defer" } }]
    })
    expect(proposedAt(sup, "ref_d", { referrals: [deferred], sittings })).toEqual(["sit_2027-06-22"])
    expect(propose(sup, sittings[2]!, { referrals: [deferred], sittings })[0]!.summary).toBe(`Request deferred from the sitting on Thu 10 Jun 2027: ${types}`)
  })

  it("deferred at the last sitting scheduled, it waits for the next one; withdrawn after its deferral, it does not come back", () => {
    const sittings = supSittings()
    const last = sittings.at(-1)!
    const deferredLast = request(sup, "ref_last", { steps: [accept(last), heard(last, "defer", "dec_last")] })
    expect(proposedAt(sup, "ref_last", { referrals: [deferredLast], sittings })).toEqual([])
    expect(proposedAt(sup, "ref_last", { referrals: [deferredLast], sittings: [...sittings, sittingOn(sup, "2027-08-03")] })).toEqual(["sit_2027-08-03"])
    const withdrawn = request(sup, "ref_w", {
      steps: [accept(sittings[1]!), heard(sittings[1]!, "defer", "dec_w"), { who: "socialWorker", at: london("2027-06-10", "09:00"), command: { _tag: "Withdraw", reason: "The family moved out of the area" } }]
    })
    expect(proposedAt(sup, "ref_w", { referrals: [withdrawn], sittings })).toEqual([])
  })
})
