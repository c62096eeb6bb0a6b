import { describe, expect, it } from "@effect/vitest"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { type CaseContext, caseOf } from "../../src/notifications/CaseContext.js"
import { clockLookup } from "../../src/notifications/clockLookup.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { disagreementNotifications } from "../../src/notifications/disagreementNotifications.js"
import { recordName } from "../../src/notifications/recordName.js"
import { referralNotifications } from "../../src/notifications/referralNotifications.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { AuthorityId, ChildId, DisagreementId, DocumentId, ReferralId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import { staffOf } from "../../src/testing/actors.js"
import { content, decisionId, heldSitting } from "../decision/fixtures.js"
import { decisionAtPanel } from "../disagreement/fixtures.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { story } from "./fixtures.js"

const child = (childId: string, fullName: string) => ({ ...completeForm("care-and-resource").children[0]!, childId: ChildId.make(childId), fullName })
/** Two fictional siblings on one North Somerset request for accommodation and a legal planning meeting. */
const siblings = completeForm("care-and-resource", {
  children: [child("wx-child-07", "Robin Testwood"), child("wx-child-08", "Ash Testwood")],
  requestTypes: ["s20_accommodation", "legal_planning_meeting"]
})
const theirCase: CaseContext = caseOf({ form: siblings } as Parameters<typeof caseOf>[0])

describe("headlines name the record by its children's case ids and what it asks, never by a child's name", () => {
  it("one child, several children, none recorded, and the id only when nothing else is", () => {
    expect(recordName({ childIds: ["wx-child-07"], requestTypes: ["s20_accommodation"] }, "ref_1")).toBe("for child wx-child-07 (accommodation under section 20)")
    expect(recordName({ childIds: ["wx-child-07", "wx-child-08", "wx-child-09"], requestTypes: ["s20_accommodation", "legal_planning_meeting"] }, "ref_1")).toBe(
      "for children wx-child-07, wx-child-08 and wx-child-09 (accommodation under section 20; a legal planning meeting)"
    )
    expect(recordName({ childIds: [], requestTypes: ["s20_accommodation"] }, "ref_1")).toBe("(accommodation under section 20)")
    expect(recordName({ childIds: [], requestTypes: [] }, "ref_1")).toBe("ref_1")
  })

  it("NSO-2: a request waiting for approval is named by its children and what it asks", () => {
    const staff = staffOf("north-somerset")
    const step = story(referralDecider, contextOf("north-somerset"))
    const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at: london("2027-06-01", "09:00") }) as ReferralCommand
    step(cmd("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: siblings }))
    for (const kind of ["assessment", "care_plan", "genogram"]) step(cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } }))
    const { events, state } = step(cmd("socialWorker", { _tag: "Submit" }))
    const [submitted] = referralNotifications(events, state, contextOf("north-somerset"))
    expect(submitted?.headline).toBe(
      "Panel request for children wx-child-07 and wx-child-08 (accommodation under section 20; a legal planning meeting) is waiting for the team manager's approval (NSO-2)"
    )
    expect(submitted?.body[0]).toBe("Request ref_1: accommodation under section 20; a legal planning meeting.")
  })

  it("LIN-5: a final decision is named by its children and what it asked", () => {
    const staff = staffOf("lincolnshire")
    const step = story(decisionDecider, contextOf("lincolnshire"))
    const notify = (actor: keyof typeof staff, body: Record<string, unknown>) => {
      const { events, state } = step({ ...body, by: as(staff[actor]), at: london("2027-06-09", "13:30") } as DecisionCommand)
      return decisionNotifications(events, state, { ...contextOf("lincolnshire"), case: theirCase })
    }
    const subject = { referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("wx-child-07")], requestTypes: ["s20_accommodation" as const] }
    const [recorded] = notify("administrator", { _tag: "RecordDecision", decisionId, subject, sitting: heldSitting("lincolnshire"), content: content() })
    expect(recorded?.headline).toBe(
      "Panel decision for child wx-child-07 (accommodation under section 20) is waiting for Martin Gorsley's (who chaired the sitting) sign-off (DEF-CHAIR-SIGNS, Carepanel default)"
    )
    const [final] = notify("chair", { _tag: "SignOff" })
    expect(final?.headline).toBe("Panel decision for child wx-child-07 (accommodation under section 20): approved")
  })

  it("LIN-13: a dissent names the decision by its request's children and what it asked when the case is known, by its id when not", () => {
    const staff = staffOf("lincolnshire")
    const dissent = (known: CaseContext | undefined) => {
      const step = story(disagreementDecider, contextOf("lincolnshire"))
      const { events, state } = step({
        _tag: "RecordDissent",
        disagreementId: DisagreementId.make("dis_1"),
        decision: decisionAtPanel(),
        member: { personId: staff.member.personId, name: staff.member.name },
        dissentsFrom: { _tag: "Decision" },
        grounds: "Too soon",
        by: as(staff.member),
        at: london("2027-06-09", "11:00")
      } as DisagreementCommand)
      return disagreementNotifications(events, state, { ...contextOf("lincolnshire"), ...(known === undefined ? {} : { case: known }) })[0]?.headline
    }
    expect(dissent(theirCase)).toBe(
      "Note the areas of disagreement with the panel's decision for children wx-child-07 and wx-child-08 (accommodation under section 20; a legal planning meeting) (LIN-13)"
    )
    expect(dissent(undefined)).toBe("Note the areas of disagreement with panel decision dec_1 (LIN-13)")
  })

  const due = london("2027-06-23", "17:00")
  const remind = (about: Deadline["about"], lookup?: ReturnType<typeof clockLookup>) =>
    clockNotifications(
      [{ id: `${about.id}:x`, about, title: "Book the dentist", ruleId: "LIN-5", due, state: "overdue", explanation: "due" }],
      london("2027-06-24", "09:00"),
      { authorityId: AuthorityId.make("care-planning"), policy: preset("care-planning"), ...(lookup === undefined ? {} : { lookup }) }
    )[0]?.headline

  it("LIN-5: a clock reminder names its children, and the record's id when no child is known", () => {
    expect(remind({ kind: "action", id: "act_1", childIds: ["wx-child-03"] })).toBe("Overdue (LIN-5): action for child wx-child-03")
    expect(remind({ kind: "placement", id: "plc_1", childIds: ["wx-child-03"] })).toBe("Overdue (LIN-5): Regulation 24 placement for child wx-child-03")
    expect(remind({ kind: "decision", id: "dec_1", childIds: ["wx-child-03", "wx-child-04"] })).toBe("Overdue (LIN-5): panel decision for children wx-child-03 and wx-child-04")
    expect(remind({ kind: "action", id: "act_1" })).toBe("Overdue (LIN-5): action act_1")
  })

  it("CPR-11: a sitting's clock names the panel and the date when the lookup has the sitting, its id when not", () => {
    const sitting = { id: "sit_1", panelId: preset("care-planning").panels[0].id, date: "2027-06-09" } as unknown as Sitting
    expect(remind({ kind: "sitting", id: "sit_1" }, clockLookup({ referrals: [], sittings: [sitting] }))).toBe(
      "Overdue (LIN-5): the Care Planning & Resources Panel on Wed 9 Jun 2027"
    )
    expect(remind({ kind: "sitting", id: "sit_1" })).toBe("Overdue (LIN-5): sitting sit_1")
  })
})
