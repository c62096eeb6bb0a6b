import { readFileSync } from "node:fs"
import { expect, it } from "vitest"
import { printedSchema } from "../src/schema/index.js"

it("schema.graphql is the printed schema (run `npm run schema` after changing a type)", () => {
  const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")
  expect(committed === printedSchema(), "schema.graphql is stale: run npm run -w @carepanel/graphql schema").toBe(true)
})
