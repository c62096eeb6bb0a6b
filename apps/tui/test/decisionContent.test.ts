import { preset, type Referral, reviewRuleOf, Role } from "@carepanel/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { actionKeys, decisionContentOf, decisionFields, maxActions } from "../src/data/decisionContent.js"

// What the operator types in the decision form at panel, and what the core is sent: the words of the minutes as
// typed (trimmed), money in pence, only what an approval of the request's types asks agreed, and only started actions.
const lincolnshire = preset("lincolnshire")
const requestOf = (...requestTypes: ReadonlyArray<string>) => ({ form: { requestTypes } }) as unknown as Referral
const contentOf = (values: Record<string, string>, request = requestOf("s20_accommodation"), policy = lincolnshire) =>
  Effect.runPromise(decisionContentOf(policy, request, values, (index) => `act_${index}`))
/** The fields the core refuses the form's values by. */
const refusedAt = async (values: Record<string, string>, request = requestOf("s20_accommodation"), policy = lincolnshire) =>
  (await Effect.runPromise(Effect.flip(decisionContentOf(policy, request, values, (index) => `act_${index}`)))).problems.map((problem) => problem.path)
const keysOf = (values: Record<string, string>, request = requestOf("s20_accommodation"), policy = lincolnshire) =>
  decisionFields(policy, request, values).map((field) => field.key)

describe("the decision form's fields", () => {
  it("asks what every decision says, Lincolnshire's Signs of Safety minutes (LIN-5), what the types ask agreed, the review, then one empty action", () => {
    expect(keysOf({}, requestOf("s20_accommodation", "expenditure"))).toEqual([
      "outcome",
      "rationale",
      "workingWell",
      "worries",
      "needsToHappen",
      "accommodationWeeks",
      "placement",
      "amount",
      "period",
      "budget",
      "reviewWeeks",
      "action",
      "ownerRole",
      "ownerName",
      "dueDate"
    ])
  })

  it("labels each field for the operator, with the choices and hints the form offers", () => {
    const fields = decisionFields(lincolnshire, requestOf("expenditure"), {})
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]))
    expect(byKey.outcome).toMatchObject({ label: "Outcome", choices: [{ value: "approve" }, { value: "decline" }, { value: "defer" }] })
    expect(byKey.period).toMatchObject({ label: "Funding period", choices: ["one_off", "weekly", "monthly", "annual"].map((value) => ({ value })) })
    expect(byKey.amount?.label).toBe("Funding (£)")
    expect(byKey.budget?.label).toBe("Budget")
    expect(byKey.rationale?.label).toBe("Rationale")
    expect(byKey.workingWell?.label).toBe("Working well")
    expect(byKey.worries?.label).toBe("Worries")
    expect(byKey.needsToHappen?.label).toBe("Needs to happen")
    expect(byKey.reviewWeeks?.hint).toMatch(/; empty if none$/)
    expect(byKey.action).toEqual({ key: "action", label: "Action 1" })
    expect(byKey.ownerRole).toMatchObject({ label: "Action 1 owner (role)", choices: Role.literals.map((value) => ({ value })) })
    expect(byKey.ownerName?.label).toBe("Action 1 owner (name)")
    expect(byKey.dueDate?.label).toBe("Action 1 due (YYYY-MM-DD)")
  })

  it("asks the minutes' (LIN-5) and highlights' (CPR-10) fields only where the policy does, and the weeks of accommodation only for that request", () => {
    const carePlanning = decisionFields(preset("care-planning"), requestOf("s20_accommodation"), {})
    const labels = Object.fromEntries(carePlanning.map((field) => [field.key, field.label]))
    expect(labels).toMatchObject({ presentation: "Highlights of the presentation", discussion: "Highlights of the discussion", accommodationWeeks: "Accommodation agreed for (weeks)" })
    expect(Object.keys(labels)).not.toContain("workingWell")
    expect(keysOf({}, requestOf("expenditure"))).not.toContain("accommodationWeeks")
  })

  it("each action started opens the next, whose description alone is shown, saving when left empty; never more than six", () => {
    const afterOne = decisionFields(lincolnshire, requestOf(), { action: "Visit the family" })
    expect(afterOne.slice(-5)).toEqual([
      { key: "action", label: "Action 1" },
      expect.objectContaining({ key: "ownerRole" }),
      expect.objectContaining({ key: "ownerName" }),
      expect.objectContaining({ key: "dueDate" }),
      { key: "action2", label: "Action 2", hint: "left empty, enter saves", savesWhenEmpty: true }
    ])
    const typedOnlyADate = keysOf({ dueDate2: "2027-07-01" }, requestOf())
    // A date typed for the second opens it whole, and a third after it.
    expect(typedOnlyADate.slice(-5)).toEqual(["action2", "ownerRole2", "ownerName2", "dueDate2", "action3"])
    const every = Object.fromEntries(Array.from({ length: maxActions }, (_, index) => [actionKeys(index).action, `Action ${index}`]))
    const keys = keysOf(every, requestOf())
    expect(keys.filter((key) => key.startsWith("action"))).toHaveLength(maxActions)
    expect(keys.at(-1)).toBe(`dueDate${maxActions}`)
  })
})

describe("the form's values as the core's decision", () => {
  it("an approval of accommodation and funding: the weeks, the placement (the first kind unless chosen), the funding in pence with its period and budget", async () => {
    const content = await contentOf({ outcome: "approve", rationale: "Safe with her aunt", accommodationWeeks: " 6 ", amount: "125.50", period: "weekly", budget: "Children in care" }, requestOf("s20_accommodation", "expenditure"))
    expect(content.outcome).toBe("approve")
    expect(content.rationale).toBe("Safe with her aunt")
    expect(content.agreed).toEqual({ accommodationWeeks: 6, placement: expect.any(String), funding: { amountPence: 12550, period: "weekly", budget: "Children in care" } })
    const chosen = await contentOf({ outcome: "approve", rationale: "r", placement: "residential" }, requestOf("placement_change"))
    expect(chosen.agreed).toEqual({ placement: "residential" })
    const unstated = await contentOf({ outcome: "approve", rationale: "r", amount: "10", budget: "Edge of care" }, requestOf("expenditure"))
    expect(unstated.agreed).toEqual({ funding: { amountPence: 1000, period: "one_off", budget: "Edge of care" } })
    expect(await refusedAt({ outcome: "approve", rationale: "r", amount: "10" }, requestOf("expenditure"))).toEqual(["agreed.funding.budget"])
    const noAmount = await contentOf({ outcome: "approve", rationale: "r" }, requestOf("expenditure"))
    expect(noAmount.agreed).toEqual({})
  })

  it("approving a legal route agrees that route (LIN-5: LPM, pre-proceedings, care proceedings); a decline or deferral agrees nothing", async () => {
    expect((await contentOf({ outcome: "approve", rationale: "r" }, requestOf("pre_proceedings", "legal_planning_meeting"))).agreed).toEqual({
      preProceedings: true,
      legalPlanningMeeting: true
    })
    for (const outcome of ["decline", "defer"]) {
      expect((await contentOf({ outcome, rationale: "r", accommodationWeeks: "6", amount: "10" }, requestOf("s20_accommodation", "expenditure", "care_proceedings"))).agreed).toEqual({})
    }
  })

  it("the minutes (LIN-5) and highlights (CPR-10) go only when something was typed in them, as typed; the review with the policy's own rule", async () => {
    const none = await contentOf({ outcome: "decline", rationale: "r", workingWell: "  " })
    expect(none.minutes).toBeUndefined()
    expect(none.highlights).toBeUndefined()
    expect(none.returnToPanel).toBeUndefined()
    for (const typed of [{ workingWell: "School attendance" }, { worries: "Missing episodes" }, { needsToHappen: "A safety plan" }]) {
      const minutes = { workingWell: "", worries: "", needsToHappen: "", ...typed }
      expect((await contentOf({ outcome: "decline", rationale: "r", ...typed })).minutes).toEqual(minutes)
    }
    const carePlanning = preset("care-planning")
    const both = { presentation: "Read the letter", discussion: "Members agreed" }
    expect((await contentOf({ outcome: "decline", rationale: "r", ...both }, requestOf("placement_change"), carePlanning)).highlights).toEqual(both)
    // One typed without the other goes to the core, which asks for the other by its field.
    expect(await refusedAt({ outcome: "decline", rationale: "r", presentation: "Read the letter" }, requestOf("placement_change"), carePlanning)).toEqual(["highlights.discussion"])
    expect(await refusedAt({ outcome: "decline", rationale: "r", discussion: "Members agreed" }, requestOf("placement_change"), carePlanning)).toEqual(["highlights.presentation"])
    const reviewed = await contentOf({ outcome: "decline", rationale: "r", reviewWeeks: " 12 " })
    expect(reviewed.returnToPanel).toEqual({ withinWeeks: 12, ruleId: reviewRuleOf(lincolnshire.decision) })
  })

  it("only the actions started, trimmed, each with its id, its owner's role (the first unless chosen) and name where typed", async () => {
    const content = await contentOf({
      outcome: "decline",
      rationale: "r",
      action: "  Visit the family ",
      ownerRole: "team_manager",
      ownerName: " Ellis Marrow ",
      dueDate: " 2027-07-01 ",
      action3: "Write to the school",
      dueDate3: "2027-07-08",
      ownerName3: "   "
    })
    expect(content.actions).toEqual([
      { actionId: "act_0", description: "Visit the family", ownerRole: "team_manager", ownerName: "Ellis Marrow", dueDate: expect.stringContaining("2027-07-01"), fgcReferral: false },
      { actionId: "act_2", description: "Write to the school", ownerRole: Role.literals[0], dueDate: expect.stringContaining("2027-07-08"), fgcReferral: false }
    ])
  })

  it("an action with a date but no description is refused by the core, by its field", async () => {
    expect(await refusedAt({ outcome: "decline", rationale: "r", dueDate2: "2027-07-01" }, requestOf())).toContain("actions[0].description")
  })
})
