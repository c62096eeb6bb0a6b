import { everyRole, londonTimeOf, PersistenceError } from "@carepanel/core"
import { ensureSittingInProgress, isEmpty, outboxSettled, seedAuthority } from "@carepanel/demo"
import { undoOnFailure } from "@carepanel/app-kit"
import { SqliteStoreLayer, storeErrorOf, storeLayerFromEnv, writableDataDirectory } from "@carepanel/store-sql"
import { Cause, Runtime } from "effect"
import { configFromEnv } from "./app/config.js"
import { emailOffNotice, notifierFromEnv } from "./app/notifier.js"
import { startApp } from "./app/startApp.js"
import { loadDevKeys, signDevToken } from "./auth/devKeys.js"
import { progress, stopProgress } from "./progress.js"

const exampleQuery = "{ viewer { name roles authority { name } } sittings { date agenda { summary startsAt } } deadlines(dueWithinDays: 14) { ruleId due state explanation } }"

const main = async () => {
  const env = process.env
  const config = configFromEnv(env)
  // Development keeps its signing keys in the data directory, whichever store it runs on: one it cannot write in is a
  // setting it cannot use, said as such.
  const devKeys = config.production ? undefined : await loadDevKeys(writableDataDirectory(config.dataDir, "CAREPANEL_DATA_DIR"))
  // One store layer gives the event store, read models, outbox and the access log (built once: layers are memoised).
  const store = env.DATABASE_URL?.trim() ? storeLayerFromEnv(env) : SqliteStoreLayer({ dataDir: config.dataDir, dataDirSetting: "CAREPANEL_DATA_DIR" }, env)
  progress("opening the store and starting the server")
  const app = await startApp({
    ...config,
    store,
    accessLog: store,
    readiness: store,
    rateCounters: store,
    notifier: notifierFromEnv(env, config.policies, (line) => console.log(line)),
    ...(devKeys === undefined ? {} : { devKeys })
  })
  // A step after the server started that fails (the store unreadable, the seed stopped part-way) closes the app, and
  // with it the store, before the failure is reported.
  await undoOnFailure(async () => {
    const home = config.policies[0]!
    if (config.seed && (await app.runtime.runPromise(isEmpty(home.authority.id)))) {
      progress("seeding the demonstration authority (first start only)")
      const seeded = await app.runtime.runPromise(seedAuthority(home)).catch((error: unknown) => {
        throw new SeedStopped(env.DATABASE_URL?.trim() ? "the database" : config.dataDir, error)
      })
      if (seeded === undefined) console.log(`Another process is seeding ${home.authority.name}; its history appears as it is written.`)
      else {
        await app.runtime.runPromise(outboxSettled("10 seconds"))
        console.log(`Seeded ${home.authority.name}: ${seeded.sittings} sittings, ${seeded.requests} requests, ${seeded.decisions} decisions, ${seeded.placements} Regulation 24 placement.`)
      }
    }
    // Development: a sitting under way with requests waiting, so that a newcomer can record a decision at once.
    const underWay = config.seed && !config.production ? await app.runtime.runPromise(ensureSittingInProgress(home)) : undefined
    // Its notices are logged before the banner, which would otherwise scroll away under them.
    if (underWay !== undefined) await app.runtime.runPromise(outboxSettled("10 seconds"))
    stopProgress()
    console.log(`Carepanel API for ${config.policies.map((policy) => policy.authority.name).join(", ")} at ${app.url}/graphql`)
    const emailOff = emailOffNotice(env)
    if (emailOff !== undefined) console.log(emailOff)
    if (devKeys !== undefined) {
      const token = await signDevToken(devKeys, { authorityId: home.authority.id, roles: ["panel_administrator"] })
      console.log(`GraphiQL (development): ${app.url}/graphql (paste {"Authorization": "Bearer <token>"} into its Headers tab)`)
      if (underWay !== undefined) {
        const { sitting } = underWay
        const panel = home.panels.find((candidate) => candidate.id === sitting.panelId)!
        console.log(`A sitting is under way: ${panel.name}, today ${londonTimeOf(sitting.startsAt)}-${londonTimeOf(sitting.endsAt)} (${sitting.id}), ${sitting.agenda.length} requests on its agenda.`)
      }
      console.log(`A token for any role (12 hours): npm run -w @carepanel/graphql dev-token -- --role <role>, with one of ${everyRole.join(", ")}.`)
      console.log("Next steps (docs/api.md):")
      console.log("  1. Record a decision on the sitting under way: \"Record a decision\".")
      console.log("  2. Take a new request from draft to a sitting: \"The whole path of a new request\".")
      console.log("  3. Hear decisions as they are recorded: \"Hear decisions as they are recorded\".")
      console.log(`Development token (panel administrator at ${home.authority.id}, 12 hours):\n${token}`)
      console.log(`Try:\ncurl -s ${app.url}/graphql -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" -d '${JSON.stringify({ query: exampleQuery })}'`)
    }
  }, app.close)
  const stop = () => {
    app.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

/** The demonstration seed failed after writing some of its history: the store's words, and what to do. */
class SeedStopped extends Error {
  constructor(where: string, error: unknown) {
    const storeError = storeErrorOf(Runtime.isFiberFailure(error) ? Cause.squash(error[Runtime.FiberFailureCauseId]) : error)
    super(`the demonstration seed stopped part-way${storeError === undefined ? "" : ` (${storeError})`}, so ${where} holds half of it: empty it and start again`, { cause: error })
  }
}

/**
 * A setting that cannot be used (ours, the store's, SMTP's) is one line naming it; so is a store that fails as the
 * start reads it (a table renamed away) or as it seeds (a full disk), in the database's own words. Anything else is a bug.
 */
const startProblem = (error: unknown): string | undefined => {
  const cause = Runtime.isFiberFailure(error) ? Cause.squash(error[Runtime.FiberFailureCauseId]) : error
  if (cause instanceof SeedStopped) return cause.message
  if (cause instanceof PersistenceError) {
    const storeError = storeErrorOf(cause)
    return `the store could not ${cause.operation}${storeError === undefined ? "" : ` (${storeError})`}`
  }
  const named = cause as { readonly setting?: unknown; readonly message?: unknown }
  return typeof named?.setting === "string" && typeof named.message === "string" ? named.message : undefined
}

main().catch((error: unknown) => {
  stopProgress()
  const problem = startProblem(error)
  console.error(problem === undefined ? error : `Cannot start: ${problem}`)
  process.exit(1)
})
