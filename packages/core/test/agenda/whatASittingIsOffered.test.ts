import { describe, expect, it } from "@effect/vitest"
import { ReferralId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import {
  agendaOf,
  agreedOutside,
  s20AgreedOutside,
  cancelled,
  decidedAt,
  factsOf,
  heard,
  ofAnotherPanel,
  propose,
  proposedAt,
  request,
  type Step,
  sittingOn
} from "./fixtures.js"

const sup = "support-panels" as const
const dates = ["2027-05-25", "2027-06-08", "2027-06-22", "2027-07-06", "2027-07-20"] as const
const sittingsOf = () => dates.map((date) => sittingOn(sup, date))
const accept = (sitting: ReturnType<typeof sittingOn>): Step => ({ who: "administrator", command: { _tag: "AcceptOntoSitting", sitting: factsOf(sitting) } })
/** SUP-7: an urgent LPM the Head of Service authorised on Wed 2 Jun 2027, for request `referralId`. */
const urgentLpmFor = (referralId: string) => agreedOutside(sup, referralId, london("2027-06-02", "18:00"), "headOfService")
/** A parent's conviction: the request goes to panel by itself (SUP-3). */
const mustGo = ["parental_convictions"]

describe("a request accepted onto a sitting", () => {
  it("is offered to that sitting only, with every child on it and every type asked for", () => {
    const sittings = sittingsOf()
    const accepted = request(sup, "ref_a", { types: ["legal_planning_meeting", "expenditure"], children: 2, steps: [accept(sittings[2]!)] })
    expect(propose(sup, sittings[2]!, { referrals: [accepted], sittings })).toEqual([
      { referralId: "ref_a", childIds: ["child-1", "child-2"], kind: "request", summary: "Request: a legal planning meeting, expenditure" }
    ])
    expect(proposedAt(sup, "ref_a", { referrals: [accepted], sittings })).toEqual(["sit_2027-06-22"])
  })
})

describe("SUP-3: a request that goes to panel automatically", () => {
  it("SUP-3: is offered to the first sitting of its panel after it is ready, whatever order the sittings come in, passing a cancelled one and another panel's", () => {
    const sittings = [
      sittingOn(sup, "2027-07-06"),
      sittingOn(sup, "2027-06-22"),
      ofAnotherPanel(sittingOn(sup, "2027-06-15")),
      sittingOn(sup, "2027-05-25"),
      sittingOn(sup, "2027-06-08", cancelled)
    ]
    const must = request(sup, "ref_m", { types: ["legal_planning_meeting"], reasons: mustGo })
    expect(proposedAt(sup, "ref_m", { referrals: [must], sittings })).toEqual(["sit_2027-06-22"])
    expect(propose(sup, sittings[1]!, { referrals: [must], sittings })).toEqual([
      { referralId: "ref_m", childIds: ["child-1"], kind: "request", summary: "Request (goes to panel automatically, SUP-3): a legal planning meeting" }
    ])
    // The same request made to the authority's other panel goes to that panel's first sitting.
    const toOtherPanel = { ...must, id: ReferralId.make("ref_o"), form: { ...must.form, panelId: sittings[2]!.panelId } }
    expect(proposedAt(sup, "ref_o", { referrals: [toOtherPanel], sittings })).toEqual(["sit_2027-06-15_fostering"])
  })

  it("SUP-3, SUP-2: ready after the last sitting scheduled, it waits for the next to be scheduled; brought for another reason, it waits to be accepted", () => {
    const sittings = sittingsOf()
    const late = request(sup, "ref_late", { reasons: mustGo, at: london("2027-07-21", "09:00") })
    const otherReason = request(sup, "ref_high_risk", { reasons: ["high_risk"] })
    const inputs = { referrals: [late, otherReason], sittings }
    expect(sittings.map((sitting) => propose(sup, sitting, inputs))).toEqual(sittings.map(() => []))
    const scheduledLater = [...sittings, sittingOn(sup, "2027-08-03")]
    expect(proposedAt(sup, "ref_late", { ...inputs, sittings: scheduledLater })).toEqual(["sit_2027-08-03"])
  })

  it("SUP-3: is not brought by itself before it is ready, once withdrawn, once accepted onto a later sitting, or once heard", () => {
    const sittings = sittingsOf()
    const referrals = [
      request(sup, "ref_waiting", { reasons: mustGo, approve: false }),
      request(sup, "ref_withdrawn", { reasons: mustGo, steps: [{ who: "teamManager", command: { _tag: "Withdraw", reason: "The family moved out of the area" } }] }),
      request(sup, "ref_later", { reasons: mustGo, steps: [accept(sittings[3]!)] }),
      request(sup, "ref_deferred", { reasons: mustGo, steps: [heard(sittings[1]!, "defer", "dec_deferred")] })
    ]
    const inputs = { referrals, sittings }
    expect(proposedAt(sup, "ref_waiting", inputs)).toEqual([])
    expect(proposedAt(sup, "ref_withdrawn", inputs)).toEqual([])
    expect(proposedAt(sup, "ref_later", inputs)).toEqual(["sit_2027-07-06"])
    expect(propose(sup, sittings[3]!, inputs).map((entry) => entry.summary)).toEqual(["Request: accommodation under section 20"])
    // Deferred at 8 June, it comes back as a deferral at the next sitting, not again at 8 June as a new arrival.
    expect(proposedAt(sup, "ref_deferred", inputs)).toEqual(["sit_2027-06-22"])
    expect(propose(sup, sittings[2]!, inputs).map((entry) => entry.summary)).toEqual([
      "Request deferred from the sitting on Tue 8 Jun 2027: accommodation under section 20"
    ])
  })
})

describe("a review falling due", () => {
  it("once its window has passed with no sitting inside it (the one sitting there was cancelled), goes to the next sitting, naming the children", () => {
    const sittings = [sittingOn(sup, "2027-06-08"), sittingOn(sup, "2027-06-22", cancelled), sittingOn(sup, "2027-07-06"), sittingOn(sup, "2027-07-20")]
    const decisions = [decidedAt(sup, sittings[0]!, "ref_r", { agreed: { accommodationWeeks: 2, placement: "in_house_foster" } }, ["s20_accommodation"], 2)]
    expect(proposedAt(sup, "ref_r", { decisions, sittings })).toEqual(["sit_2027-07-06"])
    expect(propose(sup, sittings[2]!, { decisions, sittings })).toEqual([
      { referralId: "ref_r", childIds: ["child-1", "child-2"], kind: "review", summary: "Review (DEF-RECORD-TIMESCALES, Carepanel default, not in the terms of reference; set by the authority's policy) of accommodation under section 20" }
    ])
  })

  it("is offered nowhere while no sitting is scheduled after the decision", () => {
    const sittings = sittingsOf().slice(0, 2)
    const last = sittings[1]!
    const decisions = [decidedAt(sup, last, "ref_r", { agreed: { accommodationWeeks: 2, placement: "in_house_foster" } })]
    expect(proposedAt(sup, "ref_r", { decisions, sittings })).toEqual([])
    expect(propose(sup, last, { decisions, sittings })).toEqual([])
  })

  it("NSO-9: a request owing two reviews at the same sitting (its return date and the 8-10 week pre-proceedings review) is offered there once", () => {
    const nso = "north-somerset" as const
    const sittings = ["2027-06-09", "2027-07-28", "2027-08-04", "2027-08-11", "2027-08-18", "2027-08-25"].map((date) => sittingOn(nso, date))
    const decision = decidedAt(nso, sittings[0]!, "ref_p", { minutes: undefined, agreed: { preProceedings: true }, returnToPanel: { withinWeeks: 10, ruleId: "DEF-RECORD-TIMESCALES" } }, ["pre_proceedings"])
    const offered = propose(nso, sittings[4]!, { decisions: [decision], sittings })
    expect(offered).toEqual([{ referralId: "ref_p", childIds: ["child-1"], kind: "review", summary: "Review (DEF-RECORD-TIMESCALES, Carepanel default, not in the terms of reference; set by the authority's policy) of starting pre-proceedings" }])
    expect(proposedAt(nso, "ref_p", { decisions: [decision], sittings })).toEqual(["sit_2027-08-18"])
  })
})

describe("an agreement made outside panel", () => {
  const urgentLpm = () => urgentLpmFor("ref_u")
  const retrospective = (referralId: string) => ({ referralId: ReferralId.make(referralId), childIds: [], kind: "retrospective" as const, summary: "Agreed outside panel" })

  it("SUP-7, DEF-RETROSPECTIVE-SLOT: an urgent LPM the Head of Service authorised is offered to every sitting after it until one's agenda presents it", () => {
    const decisions = [urgentLpm()]
    const sittings = sittingsOf()
    expect(proposedAt(sup, "ref_u", { decisions, sittings })).toEqual(["sit_2027-06-08", "sit_2027-06-22", "sit_2027-07-06", "sit_2027-07-20"])
    expect(propose(sup, sittings[1]!, { decisions, sittings })).toEqual([
      { referralId: "ref_u", childIds: ["child-1"], kind: "retrospective", summary: "Agreed outside panel (SUP-7): a legal planning meeting" }
    ])
    // 8 June's agenda presents it: offered there still (should it be rebuilt), nowhere else.
    const presented = [sittingOn(sup, "2027-06-08", agendaOf([retrospective("ref_u")])), ...sittingsOf().slice(2)]
    expect(proposedAt(sup, "ref_u", { decisions, sittings: presented })).toEqual(["sit_2027-06-08"])
  })

  it("SUP-7, DEF-RETROSPECTIVE-SLOT: it is still owed when the agenda holding it was cancelled, holds the request itself or another child's agreement, or came before the agreement", () => {
    const decisions = [urgentLpm()]
    const rest = sittingsOf().slice(2)
    const owed = ["sit_2027-06-22", "sit_2027-07-06", "sit_2027-07-20"]
    const cancelledWithIt = [sittingOn(sup, "2027-06-08", (by) => [...agendaOf([retrospective("ref_u")])(by), ...cancelled(by)]), ...rest]
    expect(proposedAt(sup, "ref_u", { decisions, sittings: cancelledWithIt })).toEqual(owed)
    const asRequest = [sittingOn(sup, "2027-06-08", agendaOf([{ ...retrospective("ref_u"), kind: "request" }])), ...rest]
    expect(proposedAt(sup, "ref_u", { decisions, sittings: asRequest })).toEqual(["sit_2027-06-08", ...owed])
    const anotherChild = [sittingOn(sup, "2027-06-08", agendaOf([retrospective("ref_other")])), ...rest]
    expect(proposedAt(sup, "ref_u", { decisions, sittings: anotherChild })).toEqual(["sit_2027-06-08", ...owed])
    const before = [sittingOn(sup, "2027-05-25", agendaOf([retrospective("ref_u")])), sittingOn(sup, "2027-06-08"), ...rest]
    expect(proposedAt(sup, "ref_u", { decisions, sittings: before })).toEqual(["sit_2027-06-08", ...owed])
  })

  it("NSO-10, DEF-RETROSPECTIVE-SLOT: waiting for the Assistant Director's agreement it is not offered; once both have agreed, it is", () => {
    const nso = "north-somerset" as const
    const sittings = ["2027-06-09", "2027-06-16"].map((date) => sittingOn(nso, date))
    const outside = (alsoAgreed: ReadonlyArray<"assistantDirector">) =>
      s20AgreedOutside(nso, "ref_n", london("2027-06-07", "19:00"), "headOfService", { alsoAgreed })
    expect(outside([]).status).toBe("awaiting_agreement")
    expect(proposedAt(nso, "ref_n", { decisions: [outside([])], sittings }, "retrospective")).toEqual([])
    expect(proposedAt(nso, "ref_n", { decisions: [outside(["assistantDirector"])], sittings }, "retrospective")).toEqual(["sit_2027-06-09", "sit_2027-06-16"])
    expect(propose(nso, sittings[0]!, { decisions: [outside(["assistantDirector"])], sittings })[0]!.summary).toBe("Agreed outside panel (NSO-10): accommodation under section 20")
  })

  it("LIN-11, LIN-5: accommodation the Assistant Director agreed outside panel is not presented retrospectively; it comes back as its review before the agreed weeks end", () => {
    const lin = "lincolnshire" as const
    const sittings = ["2027-06-09", "2027-06-16"].map((date) => sittingOn(lin, date))
    const decision = s20AgreedOutside(lin, "ref_l", london("2027-06-07", "19:00"), "assistantDirector")
    expect(decision.status).toBe("final")
    expect(proposedAt(lin, "ref_l", { decisions: [decision], sittings }, "retrospective")).toEqual([])
    expect(sittings.map((sitting) => propose(lin, sitting, { decisions: [decision], sittings }).map((entry) => entry.summary))).toEqual([
      [],
      ["Review (LIN-5) of accommodation under section 20"]
    ])
  })
})

describe("the order of a proposed agenda", () => {
  it("agreements outside panel first, then reviews, deferred requests, accepted requests and requests that came by themselves", () => {
    const sittings = sittingsOf()
    const [, eighth, twentySecond] = sittings
    const referrals = [
      request(sup, "ref_m", { reasons: mustGo, at: london("2027-06-10", "09:00") }),
      request(sup, "ref_a", { steps: [accept(twentySecond!)] }),
      request(sup, "ref_d", { steps: [accept(eighth!), heard(eighth!, "defer", "dec_d")] })
    ]
    const decisions = [urgentLpmFor("ref_u"), decidedAt(sup, eighth!, "ref_r", { agreed: { accommodationWeeks: 2, placement: "in_house_foster" } })]
    expect(propose(sup, twentySecond!, { referrals, decisions, sittings }).map((entry) => [entry.kind, entry.referralId])).toEqual([
      ["retrospective", "ref_u"],
      ["review", "ref_r"],
      ["request", "ref_d"],
      ["request", "ref_a"],
      ["request", "ref_m"]
    ])
  })
})
