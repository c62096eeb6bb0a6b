import { describe, expect, it } from "vitest"
import { linkedRowOf, linkHead } from "../../src/chain/chainLink.js"

// An event row as SQLite returns it (numbers) and as PostgreSQL returns it (BIGINT position as text).
const fromSqlite = {
  position: 7,
  stream_id: "ref_01",
  authority_id: "lincolnshire",
  stream_type: "referral",
  entity_id: "ref_01",
  version: 2,
  type: "ReferralSubmitted",
  data: '{"at":"2027-06-01T08:00:00.000Z"}',
  recorded_at: "2027-06-01T08:00:00.000Z",
  hash: "ab12"
}
const fromPostgres = { ...fromSqlite, position: "7", version: "2" }

describe("a commit's link reads the same rows the same way on either engine", () => {
  it("an event's position and version count as numbers and the rest as text, so a head signed on one engine verifies on the other", () => {
    expect(linkedRowOf("events", fromPostgres)).toEqual([7, "ref_01", "lincolnshire", "referral", "ref_01", 2, "ReferralSubmitted", fromSqlite.data, fromSqlite.recorded_at, "ab12"])
    expect(linkHead("", "events", "ref_01", 7, 7, [linkedRowOf("events", fromPostgres)])).toBe(linkHead("", "events", "ref_01", 7, 7, [linkedRowOf("events", fromSqlite)]))
  })

  it("an access-log entry's seq counts as a number, its other columns as text", () => {
    const entry = { seq: "12", authority_id: "lincolnshire", person_id: "priya-ashdown", role: "social_worker", at: "2027-06-01T08:00:00.000Z", child_id: "child-1", fields: "name", purpose: "case work" }
    expect(linkedRowOf("access", entry)).toEqual([12, "lincolnshire", "priya-ashdown", "social_worker", "2027-06-01T08:00:00.000Z", "child-1", "name", "case work"])
  })
})
