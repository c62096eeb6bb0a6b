import { describe, expect, it } from "@effect/vitest"
import { Either, ParseResult, Schema } from "effect"
import { ActionPlan, SharedFunding } from "../../src/decision/DecisionParts.js"

const problems = (result: Either.Either<unknown, ParseResult.ParseError>) =>
  Either.isLeft(result) ? ParseResult.ArrayFormatter.formatErrorSync(result.left).map((issue) => issue.message) : []

describe("a decision's parts as a client enters them", () => {
  it("CPR-6: shared funding names each partner once: the same partner twice is refused in words, two partners are taken", () => {
    expect(problems(Schema.decodeUnknownEither(SharedFunding)({ partners: ["health", "health"] }))).toEqual(["Each funding partner is named once."])
    expect(Schema.decodeUnknownSync(SharedFunding)({ partners: ["health", "sen"] })).toEqual({ partners: ["health", "sen"] })
  })

  it("LIN-9: an action entered without saying whether it is a Family Group Conference referral is not one (no escalation clock runs)", () => {
    const action = Schema.decodeUnknownSync(ActionPlan)({ actionId: "act_1", description: "Write to the parents", ownerRole: "team_manager", dueDate: "2027-06-11" })
    expect(action.fgcReferral).toBe(false)
  })
})
