import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestContext } from "effect"
import { renderPdf } from "../src/renderPdf.js"
import { playedDocuments } from "./fixtures.js"

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

describe("a decision sheet's PDF is the same bytes every time it is made from the same model", () => {
  it.effect("so a sheet made again for a case system has the hash that was sent to it; a change in the model changes the hash", () =>
    Effect.gen(function* () {
      const { sheet } = yield* playedDocuments("north-somerset")
      const [first, second] = yield* Effect.promise(() => Promise.all([renderPdf(sheet), renderPdf(sheet)]))
      expect(sha256(second!)).toBe(sha256(first!))
      const later = yield* Effect.promise(() => renderPdf({ ...sheet, generatedAt: "2027-06-10T09:00:00.000Z" }))
      expect(sha256(later)).not.toBe(sha256(first!))
    }).pipe(Effect.provide(TestContext.TestContext))
  )
})
