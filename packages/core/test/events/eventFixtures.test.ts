import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { eventSchemas, eventTypesOf, fixturePath, fixturesDir } from "./eventTypes.js"

/**
 * An event written by one version is read by every later one: each committed fixture (written once by
 * `npm run -w @carepanel/core event-fixtures`, never rewritten) must still decode with today's schemas.
 */
describe("stored events stay readable", () => {
  it("every event type of every aggregate has a committed fixture", () => {
    const missing = eventSchemas.flatMap(({ streamType, schema }) =>
      eventTypesOf(schema).filter((type) => !existsSync(fixturePath(streamType, type))).map((type) => `${streamType}/${type}`)
    )
    expect(missing, "run `npm run -w @carepanel/core event-fixtures` and commit what it writes").toEqual([])
  })

  it.effect("every fixture decodes with today's event schemas, as the type it was written as", () =>
    Effect.gen(function* () {
      const streamTypes = readdirSync(fixturesDir)
      expect(streamTypes.sort()).toEqual(eventSchemas.map((entry) => entry.streamType).sort())
      for (const { streamType, schema, codec } of eventSchemas) {
        const types = eventTypesOf(schema)
        for (const file of readdirSync(join(fixturesDir, streamType))) {
          const stored = JSON.parse(readFileSync(join(fixturesDir, streamType, file), "utf8")) as { type: string; data: unknown }
          expect(types, `${streamType}/${stored.type}: an event type is never renamed or removed`).toContain(stored.type)
          const event = yield* codec.decode(stored.data).pipe(
            Effect.mapError((error) => new Error(`${streamType}/${file} no longer decodes: ${error.message}`))
          )
          expect(event._tag).toBe(stored.type)
        }
      }
    })
  )
})
