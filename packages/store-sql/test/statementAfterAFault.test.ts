import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const run = (text: string) => Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe<{ n: number | string }>(text))
/** A statement this store has not run before: the fault meets it at its preparation. */
const count = "SELECT COUNT(*) AS n FROM inbox WHERE message_id = 'after-a-fault'"

for (const { name, fresh } of dialects) {
  describe(`${name}: a statement first run while the store was broken`, () => {
    it("fails while its table is renamed away, and runs a second after the table is back (before: 10 minutes on SQLite)", async () => {
      const answers = await runOn(
        fresh(),
        Effect.gen(function* () {
          yield* run("ALTER TABLE inbox RENAME TO inbox_away")
          const away = yield* Effect.either(run(count))
          yield* run("ALTER TABLE inbox_away RENAME TO inbox")
          yield* Effect.sleep("1100 millis")
          return { away: away._tag, back: yield* Effect.either(run(count)) }
        })
      )
      expect(answers.away).toBe("Left")
      expect(answers.back).toMatchObject({ _tag: "Right", right: [{ n: name === "SQLite" ? 0 : "0" }] })
    })
  })
}
