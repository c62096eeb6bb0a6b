import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionContent } from "../../src/decision/DecisionParts.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { staffOf } from "../../src/testing/actors.js"
import { content, decisionId, heldSitting, subject } from "../decision/fixtures.js"
import { as, contextOf, london } from "../fixtures.js"
import { robinsCase, story } from "./fixtures.js"

type Slug = "care-planning" | "north-somerset"

/**
 * A decision on Robin's request recorded at the sitting on Wed 9 Jun 2027, told command by command. Its actions: a
 * family group conference (social worker, due Wed 23 Jun) and a letter to the parents (team manager, due Fri 11 Jun).
 */
const decisionAt = (slug: Slug, overrides: Partial<DecisionContent> = {}) => {
  const staff = staffOf(slug)
  const step = story(decisionDecider, contextOf(slug))
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) =>
    ({ ...body, by: as(staff[actor]), at: london("2027-06-09", "13:30") }) as DecisionCommand
  const notify = (command: DecisionCommand) => {
    const { events, state } = step(command)
    return decisionNotifications(events, state, { ...contextOf(slug), case: robinsCase })
  }
  const recorded = notify(
    cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting(slug), content: content({ minutes: undefined, ...overrides }) })
  )
  return { cmd, notify, recorded }
}

const actBy = (notifications: ReturnType<typeof decisionNotifications>) => notifications.map((n) => [n.id, n.actBy?.due, n.actBy?.ruleId])

describe("who acts on a decision, and by when", () => {
  it("DEF-RECORD-TIMESCALES: at Care Planning the social worker acts by their own action, the team manager by theirs, whichever is sooner, where no case note is due (CPR-10 gives actions no dates)", () => {
    const cpr = decisionAt("care-planning")
    expect(actBy(cpr.notify(cpr.cmd("chair", { _tag: "SignOff" })))).toEqual([
      ["dec_1:final:social_worker", "2027-06-23T16:00:00.000Z", "DEF-RECORD-TIMESCALES"],
      ["dec_1:final:team_manager", "2027-06-11T16:00:00.000Z", "DEF-RECORD-TIMESCALES"]
    ])
    const [conference, letter] = content().actions
    const letterLater = decisionAt("care-planning", { actions: [conference!, { ...letter!, dueDate: "2027-06-30" as LocalDate }] })
    expect(actBy(letterLater.notify(letterLater.cmd("chair", { _tag: "SignOff" })))).toEqual([
      ["dec_1:final:social_worker", "2027-06-23T16:00:00.000Z", "DEF-RECORD-TIMESCALES"],
      ["dec_1:final:team_manager", "2027-06-30T16:00:00.000Z", "DEF-RECORD-TIMESCALES"]
    ])
  })

  it("NSO-8, DEF-RECORD-TIMESCALES: a team manager with no action of their own acts by the decision's first action", () => {
    const nso = decisionAt("north-somerset", { actions: [{ ...content().actions[0]!, fgcReferral: false }] })
    nso.notify(nso.cmd("chair", { _tag: "SignOff" }))
    expect(actBy(nso.notify(nso.cmd("assistantDirector", { _tag: "SignOff" })))).toEqual([
      ["dec_1:final:social_worker", "2027-06-23T16:00:00.000Z", "DEF-RECORD-TIMESCALES"],
      ["dec_1:final:team_manager", "2027-06-23T16:00:00.000Z", "DEF-RECORD-TIMESCALES"]
    ])
  })

  it("DEF-RECORD-TIMESCALES: after an amendment, an action already done no longer sets anyone's act-by; with every action done there is none", () => {
    const cpr = decisionAt("care-planning")
    cpr.notify(cpr.cmd("chair", { _tag: "SignOff" }))
    const amend = () =>
      cpr.notify(cpr.cmd("chair", { _tag: "AmendDecision", content: content({ minutes: undefined, agreed: { accommodationWeeks: 8, placement: "in_house_foster" } }), whatChanged: "8 weeks", why: "Typing error" }))
    cpr.notify(cpr.cmd("teamManager", { _tag: "CompleteAction", actionId: "act_2", evidence: "Letter sent" }))
    expect(actBy(amend())).toEqual([
      ["dec_1:amended:1:social_worker", "2027-06-23T16:00:00.000Z", "DEF-RECORD-TIMESCALES"],
      ["dec_1:amended:1:team_manager", "2027-06-23T16:00:00.000Z", "DEF-RECORD-TIMESCALES"]
    ])
    cpr.notify(cpr.cmd("socialWorker", { _tag: "CompleteAction", actionId: "act_1", evidence: "Conference held" }))
    expect(actBy(amend())).toEqual([
      ["dec_1:amended:2:social_worker", undefined, undefined],
      ["dec_1:amended:2:team_manager", undefined, undefined]
    ])
  })

  it("SUP-6: an amendment says what changed and why, who approved it, and when, with the child's name taken out", () => {
    const cpr = decisionAt("care-planning")
    cpr.notify(cpr.cmd("chair", { _tag: "SignOff" }))
    const [amended] = cpr.notify(
      cpr.cmd("chair", {
        _tag: "AmendDecision",
        content: content({ minutes: undefined, agreed: { accommodationWeeks: 8, placement: "in_house_foster" } }),
        whatChanged: "Accommodation for Robin Testwood is 8 weeks, not 6",
        why: "A typing error in the record"
      })
    )
    expect(amended?.headline).toBe("Panel decision for child child-1 (accommodation under section 20) was amended: now approved")
    expect(amended?.body.slice(0, 3)).toEqual([
      "What changed: Accommodation for the child is 8 weeks, not 6",
      "Why: A typing error in the record (approved by Martin Gorsley, panel chair).",
      "Outcome: approved, at the sitting on Wed 9 Jun 2027."
    ])
    expect(amended?.facts).toMatchObject({ decisionId: "dec_1", amendment: 1, amendedAt: "2027-06-09T12:30:00.000Z" })
  })

  it("NSO-8: the chair's sign-off names the chair and the roles that may sign; the Assistant Director's names the role only", () => {
    const nso = decisionAt("north-somerset")
    expect(nso.recorded[0]?.facts).toMatchObject({ signOffRole: "assistant_director,head_of_service", signOffPersonId: "martin-gorsley", ruleId: "NSO-8" })
    expect(nso.recorded[0]?.body[0]).toBe("Check the decision sheet and sign it off (NSO-8).")
    const [toDirector] = nso.notify(nso.cmd("chair", { _tag: "SignOff" }))
    expect(toDirector?.headline).toBe("Panel decision for child child-1 (accommodation under section 20) is waiting for the Assistant Director's sign-off (NSO-8)")
    expect(toDirector?.facts).toMatchObject({ signOffRole: "assistant_director", ruleId: "NSO-8" })
    expect(toDirector?.facts).not.toHaveProperty("signOffPersonId")
    expect(toDirector?.recipients).toEqual([{ _tag: "RoleHolder", role: "assistant_director" }])
  })

  it("a decision with nothing committed tells nobody", () => {
    expect(decisionNotifications([], undefined, contextOf("care-planning"))).toEqual([])
  })
})
