import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import { classify, listedWords } from "../src/inbox/refusal.js"
import { wexcombe, wexcombeScope, wexcombeTerms } from "./support/fixtures.js"

const classified = (error: unknown) => Effect.runSync(Effect.either(classify(error)))

/**
 * Which failures are the event's (recorded as refused, answered 422 for good) and which the system's (not recorded,
 * answered 503 so the case system sends the delivery again): a store failure taken for a refusal would lose it.
 */
describe("a failure while applying a delivery", () => {
  it("is a refusal when it is a tagged error with a message: its tag is the code, its message the detail", () => {
    const refusal = { _tag: "ReferralNotInStatus", message: "This request has been withdrawn." }
    expect(classified(refusal)).toEqual(Either.right({ code: "ReferralNotInStatus", message: "This request has been withdrawn." }))
  })

  it("keeps the rule a refusal cites", () => {
    const refusal = { _tag: "S20ConsentIncomplete", ruleId: "STAT-S20-CONSENT", message: "to whom Marigold Canarywood gave consent" }
    expect(classified(refusal)).toEqual(Either.right({ code: "S20ConsentIncomplete", ruleId: "STAT-S20-CONSENT", message: "to whom Marigold Canarywood gave consent" }))
  })

  it("is listed to operators in its own words only where they are made of roles, statuses and ids; else by its rule, without them", () => {
    expect(listedWords({ code: "ReferralNotInStatus", message: "You cannot withdraw this request: this request has been withdrawn." }, wexcombe)).toBe(
      "You cannot withdraw this request: this request has been withdrawn."
    )
    expect(listedWords({ code: "S20ConsentIncomplete", ruleId: "STAT-S20-CONSENT", message: "to whom Marigold Canarywood gave consent" }, wexcombe)).toBe(
      "The case system was told why in its answer (STAT-S20-CONSENT); those words are not listed here, since they can name the child or family."
    )
    expect(listedWords({ code: "InvalidInput", message: "Nothing was saved. Please correct: reason Tallulah Canarywood" }, wexcombe)).toBe(
      "The case system was told why in its answer; those words are not listed here, since they can name the child or family."
    )
  })

  it("WEX-2, DEF-SCOPE-FROM-PURPOSE: cites the rule as the authority's policy does, an own rule with its words, a Carepanel default saying so", () => {
    const outOfScope = (ruleId: string) => listedWords({ code: "OutOfScope", ruleId, message: "This panel does not decide secure accommodation for Tallulah Canarywood" }, wexcombe)
    expect(outOfScope("WEX-2")).toBe(
      `The case system was told why in its answer (WEX-2, ${wexcombeTerms}, "${wexcombeScope}"); those words are not listed here, since they can name the child or family.`
    )
    expect(outOfScope("DEF-SCOPE-FROM-PURPOSE")).toBe(
      "The case system was told why in its answer (DEF-SCOPE-FROM-PURPOSE, Carepanel default, not in the terms of reference; set by the authority's policy); those words are not listed here, since they can name the child or family."
    )
  })

  it("is passed on, never recorded, for the store's failures, a claim made elsewhere, or anything without a tag and a message", () => {
    const passedOn = [
      { _tag: "PersistenceError", message: "disk I/O error" },
      { _tag: "SqlError", message: "database is locked" },
      { _tag: "ConcurrencyConflict", message: "stream moved on" },
      { _tag: "ClaimedElsewhere", message: "" },
      { _tag: "NoMessage" },
      { _tag: 7, message: "a tag that is not a name" },
      { message: "no tag" },
      new Error("a defect"),
      undefined,
      null
    ]
    for (const error of passedOn) expect(classified(error), JSON.stringify(error)).toEqual(Either.left(error))
  })
})
