import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import { decodeDocument, decodeOnce } from "../../src/shared/decodedDocuments.js"
import { memoisedEncoder } from "../../src/shared/memoisedEncoder.js"

// A read model's document is decoded once per document object a store hands back (store-sql hands back the same
// object for a row that has not changed), and a state's parts are encoded once per object; the work saved shows as
// the count of decodes and encodes, and as the very same value handed back.
const counting = () => {
  const runs = { decodes: 0, encodes: 0 }
  const Hours = Schema.transform(Schema.String, Schema.Number, {
    strict: true,
    decode: (text) => {
      runs.decodes++
      return Number(text)
    },
    encode: (hours) => {
      runs.encodes++
      return String(hours)
    }
  })
  const Visit = Schema.Struct({ child: Schema.NonEmptyTrimmedString, hours: Hours })
  return { runs, Hours, Visit }
}

describe("a read model's document", () => {
  it("is decoded once per document object: the same object again gives the same value back, another object is decoded", () => {
    const { runs, Visit } = counting()
    const row = { child: "Robin Testwood", hours: "2.5" }
    const first = decodeOnce(Visit, row)
    expect(first).toEqual({ child: "Robin Testwood", hours: 2.5 })
    expect(decodeOnce(Visit, row)).toBe(first)
    expect(runs.decodes).toBe(1)
    const copy = { ...row }
    const again = decodeOnce(Visit, copy)
    expect(again).toEqual(first)
    expect(again).not.toBe(first)
    expect(runs.decodes).toBe(2)
  })

  it("is decoded per schema: the same object under another schema is decoded with that schema", () => {
    const { Visit } = counting()
    const Summary = Schema.Struct({ child: Schema.String })
    const row = { child: "Robin Testwood", hours: "3" }
    expect(decodeOnce(Visit, row)).toEqual({ child: "Robin Testwood", hours: 3 })
    expect(decodeOnce(Summary, row)).toEqual({ child: "Robin Testwood" })
  })

  it("that is not an object (a number, a string, null) is decoded every time", () => {
    const { runs, Hours } = counting()
    expect(decodeOnce(Hours, "4")).toBe(4)
    expect(decodeOnce(Hours, "4")).toBe(4)
    expect(runs.decodes).toBe(2)
    expect(decodeOnce(Schema.NullOr(Hours), null)).toBeNull()
    expect(decodeOnce(Schema.Number, 7)).toBe(7)
  })

  it("that does not decode throws, and is not remembered as decoded", () => {
    const { Visit } = counting()
    const row = { child: "   ", hours: "1" }
    expect(() => decodeOnce(Visit, row)).toThrow(/child/)
    expect(() => decodeOnce(Visit, row)).toThrow(/child/)
    expect(() => decodeOnce(Visit, "a visit")).toThrow()
  })

  it.effect("as an effect: the same value for the same object, and a document that does not decode is a defect", () =>
    Effect.gen(function* () {
      const { runs, Visit } = counting()
      const row = { child: "Robin Testwood", hours: "1.5" }
      const first = yield* decodeDocument(Visit, row)
      expect(first).toEqual({ child: "Robin Testwood", hours: 1.5 })
      expect(yield* decodeDocument(Visit, row)).toBe(first)
      expect(runs.decodes).toBe(1)
      const broken = yield* Effect.exit(decodeDocument(Visit, { child: "Robin Testwood" }))
      expect(Exit.isFailure(broken) && Exit.isInterrupted(broken) === false).toBe(true)
      expect(String(Exit.isFailure(broken) ? broken.cause : "")).toContain("hours")
    })
  )
})

describe("a state's part encoded", () => {
  it("once per object: the same object gives the same encoding back, an equal but new object is encoded afresh", () => {
    const { runs, Visit } = counting()
    const encode = memoisedEncoder(Visit)
    const visit = { child: "Robin Testwood", hours: 2 }
    const first = encode(visit)
    expect(first).toEqual({ child: "Robin Testwood", hours: "2" })
    expect(encode(visit)).toBe(first)
    expect(runs.encodes).toBe(1)
    const later = encode({ ...visit, hours: 3 })
    expect(later).toEqual({ child: "Robin Testwood", hours: "3" })
    expect(runs.encodes).toBe(2)
  })

  it("throws for a value its schema refuses", () => {
    const { Visit } = counting()
    expect(() => memoisedEncoder(Visit)({ child: " ", hours: 1 })).toThrow(/child/)
  })
})
