import { readdirSync, readFileSync } from "node:fs"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decodeEvent } from "../src/events/decodeEvent.js"
import { inboundEventTypes, schemaOfType } from "../src/events/inboundEvent.js"
import { submitted } from "./support/fixtures.js"

/** The example of each type (examples/events), as a case system sends it. */
const exampleOf = (type: string): any => JSON.parse(readFileSync(new URL(`../examples/events/${type}.json`, import.meta.url), "utf8"))
const exampleTypes = readdirSync(new URL("../examples/events/", import.meta.url)).map((file) => file.replace(/\.json$/, ""))

/** A JSON value's fields, each leaf as its type: what a decoding keeps, whatever it normalises (an instant's ".000"). */
const fieldsOf = (value: unknown) => JSON.parse(JSON.stringify(value), (_, leaf) => (leaf !== null && typeof leaf === "object" ? leaf : typeof leaf))

/** The answer a body gets from a source that may send every type (or those given). */
const answerTo = (body: unknown, allowed: ReadonlyArray<string> = inboundEventTypes): { readonly status: number | "decoded"; readonly body?: any; readonly event?: unknown } => {
  const decoded = decodeEvent(typeof body === "string" ? body : JSON.stringify(body), allowed)
  return decoded._tag === "Answer" ? decoded.answer : { status: "decoded", event: decoded.event }
}
const problemsOf = (body: unknown) => answerTo(body).body?.problems as Array<{ path: string; message: string }>
/** The example of `type` with its data changed. */
const withData = (type: string, data: Record<string, unknown>) => {
  const example = exampleOf(type)
  return { ...example, data: { ...example.data, ...data } }
}

describe("decoding an event (the schemas a delivery is checked against before anything is stored)", () => {
  it("decodes the example of every type as its own type, every field of it kept", () => {
    for (const type of exampleTypes) {
      const answer = answerTo(exampleOf(type))
      expect(answer).toMatchObject({ status: "decoded", event: { type } })
      const schema = schemaOfType.get(type) as unknown as Schema.Schema<unknown, unknown>
      expect(fieldsOf(Schema.encodeSync(schema)(answer.event))).toEqual(fieldsOf(exampleOf(type)))
    }
  })

  it("answers a body that is not JSON, or not an event of a known type, 422 at the path, listing the types", () => {
    expect(answerTo("{not json")).toEqual({
      status: 422,
      body: {
        type: "https://carepanel.example/problems/invalid-event",
        title: "The event does not fit its schema; nothing was stored.",
        status: 422,
        detail: "The body is not JSON.",
        problems: [{ path: "", message: "must be a JSON object" }]
      }
    })
    const typeMessage = `must be one of ${inboundEventTypes.join(", ")}`
    expect(typeMessage).toContain("request.submitted, request.approved")
    for (const body of [null, 42, [], {}, { type: 7 }, { type: "request.teleported" }, { type: "toString" }]) {
      expect(answerTo(body).body).toMatchObject({ status: 422, detail: `type ${typeMessage}.`, problems: [{ path: "type", message: typeMessage }] })
    }
  })

  it("answers 403 to a type the source may not send, naming it, before looking at its data", () => {
    expect(answerTo({ type: "legal_status.changed", data: {} }, ["request.withdrawn"])).toEqual({
      status: 403,
      body: {
        type: "https://carepanel.example/problems/event-type-not-allowed",
        title: "This source may not send this type of event.",
        status: 403,
        detail: "The source's configuration does not list legal_status.changed."
      }
    })
  })

  it("names every problem by its path and what it must be, never the value sent (it can be a child's name)", () => {
    const answer = answerTo(withData("request.withdrawn", { formId: "Robin Ashdale", reason: " " }))
    expect(answer.body.problems).toEqual([
      { path: "data.formId", message: "must be 1 to 128 printable characters without spaces" },
      { path: "data.reason", message: expect.any(String) }
    ])
    expect(answer.body.detail).toMatch(/^Please correct: data\.formId must be 1 to 128 printable characters without spaces; data\.reason .+\.$/)
    expect(JSON.stringify(answer)).not.toContain("Robin")
    const note = { note: "Robin Ashdale\nlives at 1 Elm Row" }
    expect(problemsOf({ ...exampleOf("request.approved"), timestamp: note })).toEqual([{ path: "timestamp", message: "Expected string" }])
  })

  it("takes a case system's reference of 1 to 128 printable characters without spaces, and no other", () => {
    const reference = (formId: string) => problemsOf(withData("request.approved", { formId }))
    for (const good of ["a", "!", "~", "MOS-PANEL-2027-0042", "x".repeat(128)]) expect(answerTo(withData("request.approved", { formId: good })).status).toBe("decoded")
    for (const bad of ["", "x".repeat(129), "MOS 42", " MOS-42", "MOS-42\n", "MOS-42\u007f", "MOS-ß"]) {
      expect(reference(bad)).toEqual([{ path: "data.formId", message: "must be 1 to 128 printable characters without spaces" }])
    }
  })

  it("takes an SSDA903 legal status code's shape (a capital, then one or two capitals or digits), and says so", () => {
    const code = (value: string) => answerTo(withData("legal_status.changed", { code: value }))
    for (const good of ["V2", "C1", "J12", "E1", "L1"]) expect(code(good).status).toBe("decoded")
    for (const bad of ["V", "v2", "2V", "V234", " V2", "V2 "]) {
      expect(code(bad).body.problems).toEqual([{ path: "data.code", message: "must be an SSDA903 legal status code such as V2 or C1" }])
    }
  })

  it("needs the acting staff member's id, name and a role, each by its path", () => {
    const actor = (value: unknown) => problemsOf(withData("request.approved", { actor: value })).map((problem) => problem.path)
    expect(actor({ personId: "W-3107", name: "Priya Ashdown", role: "wizard" })).toEqual(["data.actor.role"])
    expect(actor({ personId: "W-3107", name: " ", role: "social_worker" })).toEqual(["data.actor.name"])
    expect(actor({ name: "Priya Ashdown", role: "social_worker" })).toEqual(["data.actor.personId"])
  })

  it("never repeats the value sent, even where a field takes one of a list (a name typed into the wrong field stays out)", () => {
    const [problem] = problemsOf(withData("request.approved", { actor: { personId: "W-3107", name: "Priya Ashdown", role: "Robin Testwood" } }))
    expect(problem!.path).toBe("data.actor.role")
    expect(problem!.message).toMatch(/^must be one of "social_worker", /)
    expect(JSON.stringify(answerTo(withData("request.approved", { actor: { personId: "W-3107", name: "Priya Ashdown", role: "Robin Testwood" } })))).not.toContain("Robin")
  })

  it("takes the case system's timestamp as a string when given, and papers as none when a submission has none", () => {
    expect(answerTo({ ...exampleOf("request.approved"), timestamp: "2027-06-01T09:00:00Z" }).status).toBe("decoded")
    expect(problemsOf({ ...exampleOf("request.approved"), timestamp: 1_780_000_000 }).map((problem) => problem.path)).toEqual(["timestamp"])
    const { documents, ...withoutPapers } = submitted("form-1").data
    expect(documents).toHaveLength(6)
    expect(answerTo({ type: "request.submitted", data: withoutPapers })).toMatchObject({ status: "decoded", event: { data: { documents: [] } } })
  })
})
