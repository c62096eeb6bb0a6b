import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"

/**
 * `directly` runs reads straight on SQLite's one connection while none of this process's write transactions holds
 * it, and only `makeWriteTransaction` marks the connection held. A transaction opened any other way (@effect/sql's own
 * `withTransaction`) would let such reads see rows it may still roll back, so the store's source opens none but
 * through `writeTransaction.ts` (whose PostgreSQL branch uses it: reads there always wait for their own connection).
 */
const sourceDir = join(import.meta.dirname, "../../src")
const filesUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))

describe("write transactions", () => {
  it("are opened only through makeWriteTransaction, which marks SQLite's connection held", () => {
    const opening = filesUnder(sourceDir)
      .filter((file) => file.endsWith(".ts") && /\.withTransaction\(/.test(readFileSync(file, "utf8")))
      .map((file) => relative(sourceDir, file))
    expect(opening).toEqual(["sql/writeTransaction.ts"])
  })
})
