import { preset } from "@carepanel/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startProductionApp } from "../support/productionApp.js"

const policy = preset("lincolnshire")
let app: Awaited<ReturnType<typeof startProductionApp>>
let token: string

beforeAll(async () => {
  app = await startProductionApp([policy])
  token = await app.sign({ roles: ["panel_administrator"], name: "Eden Marsh" })
})
afterAll(() => app.close())

/** A value only the client sent: it must never come back in an error. */
const canary = "Tallulah Canarywood"

const send = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}`, ...headers },
    body
  })

const graphql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables })

const completeAction = "mutation($input: CompleteActionInput!) { completeAction(input: $input) { __typename } }"

/** Every way a client's mistake turns into an error before a resolver runs, each carrying the canary or a near-miss. */
const errorPaths: ReadonlyArray<{ readonly name: string; readonly body: string; readonly echo: string; readonly says?: RegExp }> = [
  { name: "an enum value typo inline", body: graphql("{ deadlines(states: [overdueQ]) { id } }"), echo: "overdueQ", says: /not one of the values of the "DeadlineState" enum/ },
  { name: "an enum value typo in variables", body: graphql("query($s: [DeadlineState!]) { deadlines(states: $s) { id } }", { s: ["overdueQ"] }), echo: "overdueQ", says: /Variable "\$s" got an invalid value at "s\[0\]"; The value is not one of the values of the "DeadlineState" enum/ },
  {
    name: "an input field typo inline",
    body: graphql(`mutation { completeAction(input: { actionId: "a", decisionId: "d", evidance: "${canary}" }) { __typename } }`),
    echo: canary
  },
  { name: "an input field typo in variables", body: graphql(completeAction, { input: { actionId: "a", decisionId: "d", evidence: "x", evidance: canary } }), echo: canary, says: /A field is not defined by type "CompleteActionInput"/ },
  { name: "an input field typo in variables, as the name", body: graphql(completeAction, { input: { actionId: "a", decisionId: "d", evidence: "x", [canary]: 1 } }), echo: canary },
  { name: "a string where a number goes, inline", body: graphql(`{ referrals(first: "${canary}") { edges { cursor } } }`), echo: canary },
  { name: "a string where a number goes, in variables", body: graphql("query($n: Int) { referrals(first: $n) { edges { cursor } } }", { n: canary }), echo: canary },
  { name: "a string where an object goes, in variables", body: graphql(completeAction, { input: canary }), echo: canary },
  { name: "a syntax error at a string", body: graphql(`{ viewer { name } "${canary}" }`), echo: canary },
  { name: "an unterminated string", body: graphql(`{ referrals(after: "${canary}) { edges { cursor } } }`), echo: canary },
  { name: "an output field typo", body: graphql("{ viewer { nme } }"), echo: "Did you mean" },
  { name: "invalid JSON", body: `{"query": "{ viewer { name } }", "variables": {"name": "${canary}"`, echo: canary },
  { name: "JSON that is not an object", body: JSON.stringify([canary]), echo: canary },
  { name: "variables that are not an object", body: JSON.stringify({ query: "{ viewer { name } }", variables: canary }), echo: canary }
]

describe("in production, an error never hints at the schema nor echoes what the client sent", () => {
  it.each(errorPaths)("$name", async ({ body, echo, says }) => {
    const response = await send(body)
    const text = await response.text()
    expect(response.status).toBe(400)
    const parsed = JSON.parse(text) as { errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }
    expect(parsed.errors.length).toBeGreaterThan(0)
    for (const error of parsed.errors) expect(error.message.length).toBeGreaterThan(10)
    expect(text).not.toMatch(/Did you mean/i)
    expect(text).not.toContain(echo)
    expect(text).not.toContain("originalError")
    expect(text).not.toContain("stack")
    if (says !== undefined) expect(parsed.errors.map((error) => error.message).join("\n")).toMatch(says)
  })

  it("answers an unknown route, a missing token and a foreign token without echoing them", async () => {
    const responses = [
      await fetch(`${app.url}/${encodeURIComponent(canary)}`),
      await send(graphql("{ viewer { name } }"), { authorization: `Bearer ${canary}` }),
      await fetch(`${app.url}/graphql?query=${encodeURIComponent(`{ viewer { "${canary}" } }`)}`, {
        headers: { authorization: `Bearer ${token}`, accept: "application/graphql-response+json" }
      })
    ]
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain(canary.split(" ")[1])
    }
  })
})
