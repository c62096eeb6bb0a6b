import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime, Either, ParseResult, Schema } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { type ClockSpec, toDeadline } from "../../src/deadlines/clock.js"
import { Deadline } from "../../src/deadlines/Deadline.js"
import { london } from "../fixtures.js"

// The published shape of a deadline (`@carepanel/core`'s Deadline schema): what the deadlines list gives out can be
// written down and read back as it was, and a deadline of a state or subject the core does not know is refused in words.

const kinds = ["referral", "sitting", "decision", "action", "disagreement", "placement", "child"] as const
const due = london("2027-06-09", "12:00")

/** An LIN-5 action date about `kind`, seen at an instant that puts it in `state`. */
const deadlineOf = (kind: (typeof kinds)[number], state: "pending" | "due_soon" | "overdue" | "met") => {
  const spec: ClockSpec = {
    id: `${kind}_1:clock`,
    about: { kind, id: `${kind}_1` },
    title: "Write to the parents",
    rule: { ruleId: "LIN-5", fixed: { due, phrase: "the date set for this action at" } },
    anchor: london("2027-06-02", "13:00"),
    anchorText: "the sitting on Wed 2 Jun 2027",
    metAt: state === "met" ? london("2027-06-10", "09:00") : undefined
  }
  const now = { pending: london("2027-06-01", "09:00"), due_soon: london("2027-06-08", "12:00"), overdue: london("2027-06-09", "12:01"), met: london("2027-06-11", "09:00") }[state]
  return toDeadline(spec, englandAndWales, { now, dueSoonHours: 48 })
}

const refusal = (input: unknown) =>
  Either.match(Schema.decodeUnknownEither(Deadline, { errors: "all" })(input), {
    onLeft: (error) => ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    onRight: () => []
  })

describe("a deadline written down and read back", () => {
  test.prop([fc.constantFrom(...kinds), fc.constantFrom("pending" as const, "due_soon" as const, "overdue" as const, "met" as const)])(
    "a deadline of every state, about every kind of record, reads back as it was written",
    (kind, state) => {
      const deadline = deadlineOf(kind, state)
      expect(deadline.state).toBe(state)
      const written = Schema.encodeSync(Deadline)(deadline)
      expect(written).toMatchObject({ about: { kind, id: `${kind}_1` }, state, due: DateTime.formatIso(deadline.due) })
      expect(Schema.decodeUnknownSync(Deadline)(JSON.parse(JSON.stringify(written)))).toEqual(deadline)
    }
  )

  it("a deadline in a state the core does not know, or about a kind of record it does not know, is refused, saying what it expected", () => {
    const written = Schema.encodeSync(Deadline)(deadlineOf("action", "overdue"))
    expect(refusal(written)).toEqual([])
    expect(refusal({ ...written, state: "late" })).toEqual(["pending", "due_soon", "overdue", "met"].map((state) => `state: Expected "${state}", actual "late"`))
    expect(refusal({ ...written, about: { kind: "meeting", id: "m1" } })).toEqual(
      kinds.map((kind) => `about.kind: Expected "${kind}", actual "meeting"`)
    )
    expect(refusal({ ...written, about: { kind: "action" } })).toEqual(["about.id: is missing"])
  })
})
