import { describe, expect, it } from "@effect/vitest"
import type { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { decisionClocks } from "../../src/decision/decisionClocks.js"
import { fold } from "../../src/shared/decider.js"
import { ActionId, ReferralId } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, planningMeeting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const sup = decisionsAt("support-panels")
const kno = decisionsAt("knowsley")
const decisionOf = (events: ReturnType<typeof lin.signed>) => fold(decisionDecider, events) as Decision
const noSlot = { nextSittingStartsAt: undefined, presentedAt: undefined }
const deadlines = (decisions: ReadonlyArray<Decision>, slug: Parameters<typeof contextOf>[0], now: DateTime.Utc) =>
  deadlinesOf({ referrals: [], sittings: [], decisions }, contextOf(slug), { now, dueSoonHours: 48 })
const visit = planningMeeting

describe("what a decision's clocks say, to whom, and what meets them", () => {
  it("LIN-5: an action's clock names the person the panel gave it to, else the role; completing it meets it", () => {
    const named = { ...visit, ownerName: "Priya Ashdown" }
    const signed = lin.signed({ actions: [named, { ...visit, actionId: ActionId.make("b"), description: "Write to the parents", ownerRole: "team_manager" }] })
    const done = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("a"), evidence: "Held 14 June" }, london("2027-06-14", "11:00"))], signed)
    const clocks = deadlines([decisionOf(done)], "lincolnshire", london("2027-06-15", "09:00")).filter((deadline) => deadline.about.kind === "action")
    expect(clocks.map((deadline) => [deadline.title, deadline.state])).toEqual([
      ["Placement planning meeting (Priya Ashdown)", "met"],
      ["Write to the parents (team manager)", "pending"]
    ])
    expect(clocks[0]!.metAt).toEqual(london("2027-06-14", "11:00"))
  })

  it("LIN-6: an action marked outstanding, with its reason, is still due: the reason does not meet its clock", () => {
    const outstanding = lin.spec.play([lin.cmd("teamManager", { _tag: "MarkActionOutstanding", actionId: ActionId.make("a"), reason: "Carers away until July" }, london("2027-06-14", "11:00"))], lin.signed({ actions: [visit] }))
    const action = deadlines([decisionOf(outstanding)], "lincolnshire", london("2027-06-15", "09:00")).find((deadline) => deadline.about.id === "a")!
    expect([action.state, action.metAt]).toEqual(["pending", undefined])
  })

  it("LIN-11: an action agreed outside panel is explained from the agreement, not from a sitting, under LIN-11 (the agreement's actions with timescales), not LIN-5 (the Support Panel's minutes)", () => {
    const agreed = lin.spec.play([
      lin.cmd("assistantDirector", {
        _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ actions: [visit] }),
        whyOutsidePanel: "No carer tonight", timescales: "Two weeks", placedAt: london("2027-06-07", "18:00")
      }, london("2027-06-07", "19:00"))
    ])
    const action = deadlines([decisionOf(agreed)], "lincolnshire", london("2027-06-08", "09:00")).find((deadline) => deadline.about.id === "a")!
    expect(action.explanation).toBe("due 17:00 Fri 18 Jun 2027 - LIN-11: the date set for this action at the agreement at 19:00 Mon 7 Jun 2027")
  })

  it("LIN-11: accommodation agreed outside panel for a number of weeks runs under LIN-11 (the agreement and its timescales), not LIN-5 (the Support Panel's minutes)", () => {
    const agreed = lin.spec.play([
      lin.cmd("assistantDirector", {
        _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ actions: [visit], agreed: { accommodationWeeks: 2, placement: "in_house_foster" } }),
        whyOutsidePanel: "No carer tonight", timescales: "Two weeks", placedAt: london("2027-06-07", "18:00")
      }, london("2027-06-07", "19:00"))
    ])
    const review = deadlines([decisionOf(agreed)], "lincolnshire", london("2027-06-08", "09:00")).find((deadline) => deadline.id.endsWith(":accommodation-review"))!
    expect(review.explanation).toMatch(/^due 19:00 Mon 21 Jun 2027 - LIN-11: 2 weeks after /)
  })

  it("LIN-6: a decision with no actions asks for no actions case note", () => {
    const clocks = deadlines([decisionOf(lin.signed({ actions: [] }))], "lincolnshire", london("2027-06-10", "09:00"))
    expect(clocks.filter((deadline) => deadline.ruleId === "LIN-6")).toEqual([])
  })

  it("LIN-9: the FGC service receiving the referral meets both escalation clocks of that action", () => {
    const received = lin.spec.play([lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: ActionId.make("act_1") }, london("2027-06-11", "10:00"))], lin.signed())
    const fgc = deadlines([decisionOf(received)], "lincolnshire", london("2027-06-17", "09:00")).filter((deadline) => deadline.ruleId === "LIN-9")
    expect(fgc.map((deadline) => [deadline.state, deadline.metAt])).toEqual([
      ["met", london("2027-06-11", "10:00")],
      ["met", london("2027-06-11", "10:00")]
    ])
  })

  it("LIN-5: a decline asks for no accommodation review, whatever weeks were typed on it", () => {
    const declined = decisionOf(lin.signed({ outcome: "decline", agreed: { accommodationWeeks: 6 } }))
    expect(deadlines([declined], "lincolnshire", london("2027-06-10", "09:00")).filter((deadline) => deadline.id.endsWith(":accommodation-review"))).toEqual([])
  })

  describe("NSO-9: which decisions start reviews, and which hearing is the review", () => {
    const entry = decisionOf(nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"]))
    const heardOn = (date: string): Decision => ({ ...entry, id: `dec_${date}` as Decision["id"], heardAt: london(date, "13:00"), content: { ...entry.content, outcome: "defer" } })
    const review = (decisions: ReadonlyArray<Decision>) =>
      deadlines(decisions, "north-somerset", london("2027-12-01", "09:00")).find((deadline) => deadline.ruleId === "NSO-9" && deadline.about.id === entry.id)

    it("a decline or deferral of pre-proceedings, and an approval of anything else, start no review", () => {
      const declined = decisionOf(nso.recorded({ minutes: undefined, outcome: "decline", agreed: { preProceedings: true } }, ["pre_proceedings"]))
      const other = decisionOf(nso.recorded({ minutes: undefined, agreed: { careProceedings: true } }, ["care_proceedings"]))
      expect(deadlines([declined, other], "north-somerset", london("2027-06-10", "09:00")).filter((deadline) => deadline.ruleId === "NSO-9")).toEqual([])
    })

    it("the first hearing inside the window is the review, in whatever order the decisions are listed: met on time", () => {
      const late = heardOn("2027-08-25")
      const onTime = heardOn("2027-08-11")
      expect(review([entry, late, onTime])).toMatchObject({ state: "met", metAt: london("2027-08-11", "13:00"), metLate: false })
      expect(review([entry, onTime, late])).toMatchObject({ state: "met", metAt: london("2027-08-11", "13:00"), metLate: false })
    })

    it("a hearing of another request inside the window is not this child's review", () => {
      const clock = decisionClocks(entry, contextOf("north-somerset"), [{ referralId: ReferralId.make("ref_other"), heardAt: london("2027-08-11", "13:00") }], noSlot)
      expect(clock.find((spec) => spec.id.endsWith(":review:NSO-9"))!.metAt).toBeUndefined()
    })
  })

  describe("clocks of an agreement outside panel", () => {
    const agreement = (at: ReturnType<typeof decisionsAt>, actor: string, types: ReturnType<typeof subject>["requestTypes"], overrides: Record<string, unknown>) =>
      decisionOf(
        at.spec.play([
          at.cmd(actor as keyof typeof at.staff, {
            _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(types), content: content({ minutes: undefined, actions: [visit] }),
            whyOutsidePanel: "Parent arrested; no sitting until Wednesday", timescales: "Two weeks", ...overrides
          }, london("2027-06-07", "19:00"))
        ])
      )
    const slot = { nextSittingStartsAt: london("2027-06-16", "10:00"), presentedAt: undefined }

    it("LIN-12: a task recorded meets its own 48-hour clock only; care proceedings agreed with no placement start none", () => {
      const placed = lin.spec.play([
        lin.cmd("assistantDirector", {
          _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ actions: [visit] }),
          whyOutsidePanel: "No carer tonight", timescales: "Two weeks", placedAt: london("2027-06-07", "18:00")
        }, london("2027-06-07", "19:00")),
        lin.cmd("teamManager", { _tag: "RecordS20Task", task: "parents_letter", note: "Letter handed to mother" }, london("2027-06-08", "12:00"))
      ])
      const tasks = decisionClocks(decisionOf(placed), contextOf("lincolnshire"), [], noSlot).filter((spec) => spec.rule.ruleId === "LIN-12")
      expect(tasks.map((spec) => [spec.anchorText, spec.about])).toEqual([
        ["the placement at 18:00 Mon 7 Jun 2027 (it was made before it was agreed outside panel, at 19:00 Mon 7 Jun 2027)", { kind: "decision", id: decisionId }],
        ["the placement at 18:00 Mon 7 Jun 2027", { kind: "decision", id: decisionId }],
        ["the agreement outside panel at 19:00 Mon 7 Jun 2027", { kind: "decision", id: decisionId }],
        ["the agreement outside panel at 19:00 Mon 7 Jun 2027", { kind: "decision", id: decisionId }]
      ])
      expect(tasks.map((spec) => [spec.title, spec.metAt])).toEqual([
        ["Case supervision recorded (reason, who agreed and for how long, what must happen for return home)", undefined],
        ["Letter to parents: not the final position, they keep parental responsibility", london("2027-06-08", "12:00")],
        ["Referral to Family Group Conference", undefined],
        ["Referral to Early Help", undefined]
      ])
      const proceedings = agreement(lin, "serviceManager", ["care_proceedings"], { content: content({ actions: [visit], agreed: { careProceedings: true } }) })
      expect(proceedings.status).toBe("final")
      expect(decisionClocks(proceedings, contextOf("lincolnshire"), [], noSlot).filter((spec) => spec.rule.ruleId === "LIN-12")).toEqual([])
    })

    it("LIN-12: the supervision is due 48 hours after the placement was agreed or made, whichever came first; the letter after it was made", () => {
      const agreedFirst = decisionOf(
        lin.spec.play([
          lin.cmd("assistantDirector", {
            _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ actions: [visit] }),
            whyOutsidePanel: "Carer found for tomorrow evening", timescales: "Two weeks", placedAt: london("2027-06-08", "18:00")
          }, london("2027-06-07", "10:00"))
        ])
      )
      const explained = (task: string) => deadlines([agreedFirst], "lincolnshire", london("2027-06-07", "10:00")).find((deadline) => deadline.id.endsWith(`:s20:${task}`))!.explanation
      expect(explained("supervision")).toBe(
        "due 10:00 Wed 9 Jun 2027 - LIN-12: 48 hours after the agreement outside panel at 10:00 Mon 7 Jun 2027 (the placement was agreed before it was made, at 18:00 Tue 8 Jun 2027)"
      )
      expect(explained("parents_letter")).toBe("due 18:00 Thu 10 Jun 2027 - LIN-12: 48 hours after the placement at 18:00 Tue 8 Jun 2027")
    })

    it("NSO-10: presented at the first sitting after the agreement, explained from the agreement", () => {
      const agreed = decisionOf(nso.spec.play([nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" }, london("2027-06-07", "20:00"))], nso.spec.given([]).when(nso.cmd("headOfService", {
        _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ minutes: undefined, actions: [visit] }),
        whyOutsidePanel: "Parent arrested; no sitting until Wednesday", timescales: "Two weeks", placedAt: london("2027-06-07", "18:00")
      }, london("2027-06-07", "19:00"))).events()))
      const retrospective = decisionClocks(agreed, contextOf("north-somerset"), [], slot).find((spec) => spec.id.endsWith(":retrospective"))!
      // Recorded at 19:00, agreed by the Assistant Director at 20:00: a decision from 20:00.
      expect(retrospective).toMatchObject({ rule: { ruleId: "NSO-10" }, anchor: london("2027-06-07", "20:00"), anchorText: "the agreement outside panel at 20:00 Mon 7 Jun 2027" })
    })

    it("SUP-7, DEF-RETROSPECTIVE-SLOT: Support Panels' retrospective slot cites the Carepanel default, not SUP-7, which is silent on it", () => {
      const urgent = agreement(sup, "headOfService", ["care_proceedings"], { content: content({ minutes: undefined, actions: [visit], agreed: { careProceedings: true } }) })
      const retrospective = decisionClocks(urgent, contextOf("support-panels"), [], slot).find((spec) => spec.id.endsWith(":retrospective"))!
      expect(retrospective.rule.ruleId).toBe("DEF-RETROSPECTIVE-SLOT")
    })

    it("KNO-5: an emergency LPM is presented at the first sitting after the LPM, and the clock says so", () => {
      const lpm = agreement(kno, "serviceManager", ["legal_planning_meeting"], {
        content: content({ minutes: undefined, actions: [visit], agreed: { legalPlanningMeeting: true } }),
        lpmAt: london("2027-06-14", "10:00")
      })
      const retrospective = decisionClocks(lpm, contextOf("knowsley"), [], slot).find((spec) => spec.id.endsWith(":retrospective"))!
      expect(retrospective).toMatchObject({
        rule: { ruleId: "KNO-5" },
        anchor: london("2027-06-14", "10:00"),
        anchorText: "the emergency Legal Planning Meeting at 10:00 Mon 14 Jun 2027"
      })
    })

    it("LIN-11: Lincolnshire presents no agreement retrospectively, even with a sitting to come", () => {
      const proceedings = agreement(lin, "serviceManager", ["care_proceedings"], { content: content({ actions: [visit], agreed: { careProceedings: true } }) })
      expect(decisionClocks(proceedings, contextOf("lincolnshire"), [], slot).filter((spec) => spec.id.endsWith(":retrospective"))).toEqual([])
    })
  })

  describe("what each clock is called, and which action it is about", () => {
    const fgc = (id: string) => ({ ...visit, actionId: ActionId.make(id), description: `Family group conference ${id}`, fgcReferral: true })

    it("LIN-5, LIN-6, LIN-7, LIN-9: a Lincolnshire approval's clocks by title, each FGC escalation about its own action", () => {
      const decision = decisionOf(lin.signed({ actions: [fgc("fgc_a")], returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" }, agreed: { accommodationWeeks: 8, placement: "in_house_foster" } }))
      const clocks = decisionClocks(decision, contextOf("lincolnshire"), [], noSlot)
      expect(clocks.map((spec) => [spec.id.replace(`${decision.id}:`, ""), spec.title, spec.about])).toEqual([
        ["action:fgc_a", "Family group conference fgc_a (social worker)", { kind: "action", id: "fgc_a" }],
        ["actions-case-note", '"Support Panel Actions" case note updating every action', { kind: "decision", id: decision.id }],
        ["fgc:fgc_a:team_manager", "FGC service receives the referral, or the FGC practice supervisor escalates to the team manager", { kind: "action", id: "fgc_a" }],
        ["fgc:fgc_a:service_manager", "FGC service receives the referral, or the FGC practice supervisor escalates to the service manager", { kind: "action", id: "fgc_a" }],
        ["return", "Back to panel", { kind: "decision", id: decision.id }],
        ["accommodation-review", "Accommodation agreed for 8 weeks: back to panel before it ends", { kind: "decision", id: decision.id }]
      ])
    })

    it("LIN-9: the FGC service receiving one of two referrals meets that action's escalations only", () => {
      const signed = lin.signed({ actions: [fgc("fgc_a"), fgc("fgc_b")] })
      const received = lin.spec.play([lin.cmd("practiceSupervisor", { _tag: "RecordFgcReferralReceived", actionId: ActionId.make("fgc_b") }, london("2027-06-11", "10:00"))], signed)
      const escalations = decisionClocks(decisionOf(received), contextOf("lincolnshire"), [], noSlot).filter((spec) => spec.rule.ruleId === "LIN-9")
      expect(escalations.map((spec) => [spec.about.id, spec.metAt])).toEqual([
        ["fgc_a", undefined],
        ["fgc_a", undefined],
        ["fgc_b", london("2027-06-11", "10:00")],
        ["fgc_b", london("2027-06-11", "10:00")]
      ])
    })

    it("NSO-9: pre-proceedings approved with another request type still starts the review, called a review by panel", () => {
      const both = decisionOf(nso.recorded({ minutes: undefined, agreed: { preProceedings: true, accommodationWeeks: 6, placement: "in_house_foster" } }, ["pre_proceedings", "s20_accommodation"]))
      expect(decisionClocks(both, contextOf("north-somerset"), [], noSlot).filter((spec) => spec.rule.ruleId === "NSO-9").map((spec) => spec.title)).toEqual(["Review by panel"])
    })

    it("NSO-10: an agreement outside panel with no sitting yet scheduled has no retrospective clock until one is; then it is presented there", () => {
      const agreed = decisionOf(
        nso.spec.play(
          [nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" }, london("2027-06-07", "20:00"))],
          nso.spec.given([]).when(
            nso.cmd("headOfService", {
              _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ minutes: undefined, actions: [visit] }),
              whyOutsidePanel: "Parent arrested; no sitting until Wednesday", timescales: "Two weeks", placedAt: london("2027-06-07", "18:00")
            }, london("2027-06-07", "19:00"))
          ).events()
        )
      )
      const retrospective = (slot: { nextSittingStartsAt: DateTime.Utc | undefined; presentedAt: DateTime.Utc | undefined }) =>
        decisionClocks(agreed, contextOf("north-somerset"), [], slot).filter((spec) => spec.id.endsWith(":retrospective")).map((spec) => spec.title)
      expect(retrospective(noSlot)).toEqual([])
      expect(retrospective({ nextSittingStartsAt: london("2027-06-16", "10:00"), presentedAt: undefined })).toEqual(["Presented to panel retrospectively"])
      const presented = decisionClocks(agreed, contextOf("north-somerset"), [], { nextSittingStartsAt: london("2027-06-16", "10:00"), presentedAt: undefined }).find((spec) =>
        spec.id.endsWith(":retrospective")
      )!
      expect(toDeadline(presented, englandAndWales, { now: london("2027-06-08", "09:00"), dueSoonHours: 48 }).explanation).toBe(
        "due 10:00 Wed 16 Jun 2027 - NSO-10: the first sitting after the agreement outside panel at 20:00 Mon 7 Jun 2027"
      )
    })
  })
})

