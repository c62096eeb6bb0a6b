import { describe, expect, it } from "@effect/vitest"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset } from "../../src/policy/authorities/index.js"
import { regulation24Of } from "../../src/regulation24/placementRules.js"
import { AuthorityId, PanelId, PersonId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { robinsCase, who } from "./fixtures.js"

const lincolnshire = AuthorityId.make("lincolnshire")
const now = london("2027-06-24", "09:00")

/** A clock that fell due yesterday at 17:00 and is not met. */
const overdue = (id: string, kind: Deadline["about"]["kind"], ruleId: string): Deadline => ({
  id,
  about: { kind, id: id.split(":")[0]! },
  title: "Something to do",
  ruleId: ruleId as Deadline["ruleId"],
  due: london("2027-06-23", "17:00"),
  state: "overdue",
  explanation: "due 17:00 Wed 23 Jun 2027"
})

/** Given Robin's case behind every clock, who is reminded of `deadline`, by recipient. */
const toldOf = (deadline: Deadline, policy: AuthorityPolicy = preset("lincolnshire")) =>
  who(
    clockNotifications([deadline], now, {
      authorityId: lincolnshire,
      policy,
      lookup: { caseOf: () => robinsCase, panelOf: () => undefined, requestOf: () => undefined }
    })
  ).map((n) => n.to)

const caseholders = ["person:priya-ashdown", "person:tom-brackley"]

/** Lincolnshire with its nominated officer named as a person, as an authority's policy may (STAT-R25-3). */
const namedOfficer: AuthorityPolicy = {
  ...preset("lincolnshire"),
  regulation24: {
    ...regulation24Of(preset("lincolnshire")),
    nominatedOfficer: { ruleId: "STAT-R25-3", people: [{ personId: PersonId.make("nadia-orme"), name: "Nadia Orme" }], posts: [] }
  }
}

describe("who is reminded of a clock about a child's placement or record", () => {
  it("STAT-S46, DEF-R25-NOMINATED-OFFICER: police protection running out reaches the caseholders, the head of service and the nominated officer's posts, and its alert says urgent", () => {
    const limit = overdue("plc_1:police-protection", "placement", "STAT-S46")
    // The default nominated officer is whoever holds a head of service or Assistant Director post: the head of service once.
    expect(toldOf(limit)).toEqual([...caseholders, "role:head_of_service", "role:assistant_director"])
    expect(toldOf(overdue("plc_1:police-protection-warning", "placement", "DEF-S46-WARN-48H"))).toEqual([
      ...caseholders,
      "role:head_of_service",
      "role:assistant_director"
    ])
    const [sent] = clockNotifications([limit], now, { authorityId: lincolnshire, policy: preset("lincolnshire") })
    expect(sent?.headline).toBe("Urgent: overdue (STAT-S46): Regulation 24 placement plc_1")
  })

  it("STAT-S46, STAT-R25-3: an authority that names its nominated officer has that person told by name", () => {
    expect(toldOf(overdue("plc_1:police-protection", "placement", "STAT-S46"), namedOfficer)).toEqual([...caseholders, "role:head_of_service", "person:nadia-orme"])
  })

  it("STAT-S46, STAT-R25-3: two named nominated officers are each told; a policy that names none still tells the caseholders and the head of service", () => {
    const officer = regulation24Of(namedOfficer).nominatedOfficer!
    const twoOfficers: AuthorityPolicy = {
      ...namedOfficer,
      regulation24: { ...regulation24Of(namedOfficer), nominatedOfficer: { ...officer, people: [...officer.people, { personId: PersonId.make("idris-vale"), name: "Idris Vale" }] } }
    }
    const limit = overdue("plc_1:police-protection", "placement", "STAT-S46")
    expect(toldOf(limit, twoOfficers)).toEqual([...caseholders, "role:head_of_service", "person:nadia-orme", "person:idris-vale"])
    const { nominatedOfficer: _none, ...withoutOfficer } = regulation24Of(namedOfficer)
    expect(toldOf(limit, { ...namedOfficer, regulation24: withoutOfficer })).toEqual([...caseholders, "role:head_of_service"])
  })

  it("STAT-R25-4: a temporary approval that ended without approval as foster carers reaches the caseholders and the nominated officer, not the head of service as such", () => {
    expect(toldOf(overdue("plc_1:alternative-arrangement", "placement", "STAT-R25-4"), namedOfficer)).toEqual([...caseholders, "person:nadia-orme"])
    expect(toldOf(overdue("plc_1:viability", "placement", "LIN-16"), namedOfficer)).toEqual(caseholders)
  })

  it("NSO-10, STAT-S25: the EPO's retrospective sitting reaches the administrator too; 72 hours in secure accommodation the head of service, urgently; the 48-hour warning only the caseholders", () => {
    expect(toldOf(overdue("child-1:epo-retrospective:epo_1", "child", "DEF-EPO-PLAN-BEFORE-LAPSE"))).toEqual([...caseholders, "role:panel_administrator"])
    expect(toldOf(overdue("child-1:secure-72h:sec_1", "child", "STAT-S25"))).toEqual([...caseholders, "role:head_of_service"])
    expect(toldOf(overdue("child-1:secure-48h:sec_1", "child", "DEF-S25-WARN-48H"))).toEqual(caseholders)
    const [urgent] = clockNotifications([overdue("child-1:secure-72h:sec_1", "child", "STAT-S25")], now, { authorityId: lincolnshire })
    expect(urgent?.headline).toBe("Urgent: overdue (STAT-S25): child's record child-1")
    const [warning] = clockNotifications([overdue("child-1:secure-48h:sec_1", "child", "DEF-S25-WARN-48H")], now, { authorityId: lincolnshire })
    expect(warning?.headline).toBe("Overdue (DEF-S25-WARN-48H, Carepanel default): child's record child-1")
  })
})

describe("who is reminded of a clock about a decision or its actions", () => {
  it("LIN-9: an FGC referral not received escalates to the case's own team manager by name, with the practice supervisor", () => {
    expect(toldOf(overdue("dec_1:fgc:act_1:team_manager", "action", "LIN-9"))).toEqual(["person:tom-brackley", "role:practice_supervisor"])
  })

  it("LIN-6: the case note on the actions is the team manager's alone, by name, not the social worker's", () => {
    expect(toldOf(overdue("dec_1:actions-case-note", "decision", "LIN-6"))).toEqual(["person:tom-brackley"])
  })

  it("LIN-5: an action's own clock reaches the caseholders", () => {
    expect(toldOf(overdue("dec_1:action:act_1", "action", "LIN-5"))).toEqual(caseholders)
  })

  it("LIN-5, NSO-9: accommodation or a review coming back to panel reaches the administrator to diarise and the social worker", () => {
    expect(toldOf(overdue("dec_1:accommodation-review", "decision", "LIN-5"))).toEqual(["role:panel_administrator", "person:priya-ashdown"])
    expect(toldOf(overdue("dec_1:review:NSO-9", "decision", "NSO-9"), preset("north-somerset"))).toEqual(["role:panel_administrator", "person:priya-ashdown"])
  })

  it("DEF-CNP-TEMPLATE-2WD: the Complex Needs Panel template is the administrator's task alone", () => {
    expect(toldOf(overdue("dec_1:complex-needs-template", "decision", "DEF-CNP-TEMPLATE-2WD"), preset("care-planning"))).toEqual(["role:panel_administrator"])
  })

  it("LIN-12: a decision's other clocks, such as the tasks after an s20 placement agreed outside panel, reach the caseholders", () => {
    expect(toldOf(overdue("dec_1:s20:parents_letter", "decision", "LIN-12"))).toEqual(caseholders)
  })
})

describe("who is reminded of a sitting's final record (CPR-11)", () => {
  it("CPR-11: the chair of the sitting's own panel, where the authority runs panels chaired by different roles", () => {
    const northSomerset = preset("north-somerset")
    const [nso] = northSomerset.panels
    // A second panel, listed first, chaired by the panel chair: the Care & Resource Panel is still chaired by the Assistant Director.
    const twoPanels: AuthorityPolicy = {
      ...northSomerset,
      panels: [{ ...nso, id: PanelId.make("other-panel"), chair: { ...nso.chair, role: "panel_chair" } }, nso]
    }
    const record = overdue("sit_1:record-final", "sitting", "CPR-11")
    const sent = clockNotifications([record], now, {
      authorityId: AuthorityId.make("north-somerset"),
      policy: twoPanels,
      lookup: { caseOf: () => undefined, panelOf: () => nso.id, requestOf: () => undefined }
    })
    expect(who(sent).map((n) => n.to)).toEqual(["role:assistant_director"])
  })
})
