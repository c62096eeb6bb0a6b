import { describe, expect, it } from "vitest"
import { parsedDocuments } from "../../src/store/parsedDocuments.js"

describe("parsed read-model documents", () => {
  it("hands back the same object while a row's stored text is unchanged, and the new document once any process rewrites it", () => {
    const parse = parsedDocuments(10)
    const first = parse("referral/a/ref_1", '{"status":"draft"}')
    expect(parse("referral/a/ref_1", '{"status":"draft"}')).toBe(first)
    const rewritten = parse("referral/a/ref_1", '{"status":"submitted"}')
    expect(rewritten).toEqual({ status: "submitted" })
    expect(rewritten).not.toBe(first)
  })

  it("keeps rows apart by key, and drops the least recently read past its capacity", () => {
    const parse = parsedDocuments(2)
    const a = parse("a", "{}")
    const b = parse("b", "{}")
    expect(a).not.toBe(b)
    parse("a", "{}") // a read again: b is now the least recently read
    parse("c", "{}")
    expect(parse("a", "{}")).toBe(a)
    expect(parse("b", "{}")).not.toBe(b)
  })
})
