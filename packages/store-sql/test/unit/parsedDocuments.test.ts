import { describe, expect, it } from "vitest"
import { parsedDocuments } from "../../src/store/parsedDocuments.js"

describe("parsed read-model documents", () => {
  it("hands back the same object while a row's stored text is unchanged, and the new document once any process rewrites it", () => {
    const parse = parsedDocuments(10)
    const first = parse('{"status":"draft"}')
    expect(parse('{"status":"draft"}')).toBe(first)
    const rewritten = parse('{"status":"submitted"}')
    expect(rewritten).toEqual({ status: "submitted" })
    expect(rewritten).not.toBe(first)
  })

  it("keeps a text read again in the turn before, and drops one not read for two turns", () => {
    const parse = parsedDocuments(4)
    const a = parse('{"n":"a"}')
    const b = parse('{"n":"b"}')
    parse('{"n":"c"}') // a new turn: a and b are the turn before
    parse('{"n":"a"}') // read again: carried into this turn
    parse('{"n":"d"}') // a new turn: c and a are the turn before, b is dropped
    expect(parse('{"n":"a"}')).toBe(a)
    expect(parse('{"n":"b"}')).not.toBe(b)
  })

  it("never holds more than its capacity", () => {
    const parse = parsedDocuments(4)
    const first = parse("[0]")
    for (let n = 1; n <= 4; n++) parse(`[${n}]`)
    expect(parse("[0]")).not.toBe(first)
  })
})
