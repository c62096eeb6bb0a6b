import { parseArgs } from "node:util"
import { localDate } from "@carepanel/core"
import { Effect } from "effect"
import { PgStoreLayer } from "../../src/layers/PgStoreLayer.js"
import { seedEngland } from "./seedEngland.js"

/**
 * `npm run -w @carepanel/store-sql seed:england -- --authorities 153 --years 5` into the PostgreSQL database at
 * DATABASE_URL (signed with the key the store is configured with: CAREPANEL_SIGNING_KEY_FILE, or in development the
 * key in CAREPANEL_DATA_DIR). `--weeks` instead of `--years` for a short history; `--requests` a year (1,000);
 * `--first` the first authority to seed (1), so that several processes can each seed a range.
 */
const { values } = parseArgs({
  options: {
    authorities: { type: "string", default: "153" },
    first: { type: "string", default: "1" },
    years: { type: "string", default: "5" },
    weeks: { type: "string" },
    requests: { type: "string", default: "1000" }
  }
})
const url = process.env.DATABASE_URL
if (url === undefined || url.trim() === "") {
  console.error("seed:england needs DATABASE_URL: the PostgreSQL database to fill")
  process.exit(2)
}
const whole = (name: string, text: string | undefined) => {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number of at least 1, not ${JSON.stringify(text)}`)
    process.exit(2)
  }
  return value
}
const options = {
  authorities: whole("authorities", values.authorities),
  first: whole("first", values.first),
  weeks: values.weeks === undefined ? 52 * whole("years", values.years) : whole("weeks", values.weeks),
  requestsPerYear: whole("requests", values.requests),
  firstDay: localDate("2027-01-04"),
  log: (line: string) => console.log(line)
}
const result = await Effect.runPromise(seedEngland(options).pipe(Effect.provide(PgStoreLayer(url))))
console.log(`seeded ${result.events.toLocaleString("en-GB")} events in ${result.seconds.toFixed(0)} s`)
