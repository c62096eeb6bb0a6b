import { describe, expect, it } from "@effect/vitest"
import { fc } from "@fast-check/vitest"
import { type ChildFlag, type Condition, describeCondition, holds, mentionsType, type RequestFacts } from "../../src/policy/Condition.js"
import type { RequestType } from "../../src/policy/RequestType.js"

// The conditions a policy file scopes its rules with ("a request about unaccompanied asylum-seeking children only",
// "respite for a disabled child, not in care proceedings"), as the request's checks read them.
const facts = (change: Partial<RequestFacts> = {}): RequestFacts => ({
  requestTypes: ["s20_accommodation"],
  children: [new Set<ChildFlag>()],
  partOfCareProceedings: false,
  annualCostPence: undefined,
  ...change
})
const disabled = new Set<ChildFlag>(["disabled"])
const seeking = new Set<ChildFlag>(["unaccompanied_asylum_seeking"])
const typeIn = (...types: ReadonlyArray<RequestType>): Condition => ({ _tag: "RequestTypeIn", types })
const childIs = (flag: ChildFlag): Condition => ({ _tag: "ChildIs", flag })
const everyChildIs = (flag: ChildFlag): Condition => ({ _tag: "EveryChildIs", flag })
const inProceedings: Condition = { _tag: "PartOfCareProceedings" }
const allOf = (...conditions: ReadonlyArray<Condition>): Condition => ({ _tag: "AllOf", conditions })
const not = (condition: Condition): Condition => ({ _tag: "Not", condition })

describe("a policy's conditions", () => {
  it("a request type condition holds when any type asked for is listed", () => {
    expect(holds(typeIn("expenditure", "s20_accommodation"), facts({ requestTypes: ["s20_accommodation", "legal_planning_meeting"] }))).toBe(true)
    expect(holds(typeIn("expenditure"), facts({ requestTypes: ["s20_accommodation", "legal_planning_meeting"] }))).toBe(false)
  })

  it("LIN-4: 'a child is' holds for one child of several; 'every child is' needs all of them, and at least one", () => {
    const siblings = facts({ children: [seeking, new Set()] })
    expect(holds(childIs("unaccompanied_asylum_seeking"), siblings)).toBe(true)
    expect(holds(everyChildIs("unaccompanied_asylum_seeking"), siblings)).toBe(false)
    expect(holds(everyChildIs("unaccompanied_asylum_seeking"), facts({ children: [seeking, seeking] }))).toBe(true)
    expect(holds(childIs("disabled"), siblings)).toBe(false)
    expect(holds(everyChildIs("disabled"), facts({ children: [] }))).toBe(false)
    expect(holds(childIs("disabled"), facts({ children: [] }))).toBe(false)
  })

  it("care proceedings, all of several, and not", () => {
    expect(holds(inProceedings, facts({ partOfCareProceedings: true }))).toBe(true)
    expect(holds(inProceedings, facts())).toBe(false)
    expect(holds(not(inProceedings), facts())).toBe(true)
    const respite = allOf(typeIn("s20_accommodation"), childIs("disabled"), not(inProceedings))
    expect(holds(respite, facts({ children: [disabled] }))).toBe(true)
    expect(holds(respite, facts({ children: [disabled], partOfCareProceedings: true }))).toBe(false)
    expect(holds(respite, facts())).toBe(false)
    expect(holds(allOf(), facts())).toBe(true)
  })

  it("whether a condition turns on a request type, however deep", () => {
    expect(mentionsType(typeIn("expenditure"), "expenditure")).toBe(true)
    expect(mentionsType(typeIn("expenditure"), "s20_accommodation")).toBe(false)
    expect(mentionsType(allOf(childIs("disabled"), not(typeIn("s20_accommodation"))), "s20_accommodation")).toBe(true)
    expect(mentionsType(allOf(childIs("disabled"), inProceedings), "s20_accommodation")).toBe(false)
    expect(mentionsType(everyChildIs("disabled"), "s20_accommodation")).toBe(false)
  })

  it("in words, as a refusal quotes it", () => {
    expect(describeCondition(typeIn("expenditure", "s20_accommodation"))).toBe("the request is for expenditure or accommodation under section 20")
    expect(describeCondition(childIs("unaccompanied_asylum_seeking"))).toBe("a child on it is an unaccompanied asylum-seeking child")
    expect(describeCondition(everyChildIs("disabled"))).toBe("every child on it is disabled")
    expect(describeCondition(inProceedings)).toBe("it is part of care proceedings")
    expect(describeCondition(not(inProceedings))).toBe("it is not part of care proceedings")
    expect(describeCondition(not(childIs("disabled")))).toBe("not (a child on it is disabled)")
    expect(describeCondition(allOf(childIs("disabled"), inProceedings))).toBe("a child on it is disabled and it is part of care proceedings")
    expect(describeCondition(allOf(typeIn("expenditure"), childIs("disabled"), not(inProceedings)))).toBe(
      "the request is for expenditure, a child on it is disabled, and it is not part of care proceedings"
    )
  })

  const flag = fc.constantFrom<ChildFlag>("disabled", "unaccompanied_asylum_seeking")
  const leaf = fc.oneof(
    fc.subarray<RequestType>(["s20_accommodation", "expenditure", "legal_planning_meeting"]).map((types) => typeIn(...types)),
    flag.map(childIs),
    flag.map(everyChildIs),
    fc.constant(inProceedings)
  )
  const condition = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("condition"), { maxLength: 3 }).map((inner) => allOf(...inner)), tie("condition").map(not))
  })).condition
  const someFacts = fc.record({
    requestTypes: fc.subarray<RequestType>(["s20_accommodation", "expenditure", "legal_planning_meeting"], { minLength: 1 }),
    children: fc.array(fc.subarray<ChildFlag>(["disabled", "unaccompanied_asylum_seeking"]).map((flags) => new Set(flags)), { maxLength: 3 }),
    partOfCareProceedings: fc.boolean(),
    annualCostPence: fc.constant(undefined)
  })

  it("'not' holds exactly when its condition does not; 'all of' exactly when each part does", () => {
    fc.assert(
      fc.property(condition, fc.array(condition, { maxLength: 3 }), someFacts, (one, several, request) => {
        expect(holds(not(one), request)).toBe(!holds(one, request))
        expect(holds(allOf(...several), request)).toBe(several.every((part) => holds(part, request)))
      })
    )
  })
})
