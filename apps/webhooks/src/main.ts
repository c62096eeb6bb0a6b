import { SqliteStoreLayer, storeLayerFromEnv } from "@carepanel/store-sql"
import { Cause, Runtime } from "effect"
import { startReceiver } from "./app/startApp.js"
import { outboundNotifier } from "./app/outboundNotifier.js"
import { configFromEnv } from "./config/config.js"

const main = async () => {
  const env = process.env
  const config = configFromEnv(env)
  const store = env.DATABASE_URL?.trim() ? storeLayerFromEnv(env) : SqliteStoreLayer({ dataDir: config.dataDir, dataDirSetting: "CAREPANEL_DATA_DIR" }, env)
  const receiver = await startReceiver({ ...config, store, notifier: outboundNotifier(config.sources, 10_000, config.publicUrl) })
  for (const [authorityId, { sources }] of Object.entries(config.sources.authorities)) {
    for (const sourceId of Object.keys(sources)) console.log(`Carepanel webhook receiver for ${authorityId}/${sourceId} at ${receiver.url}/webhooks/${authorityId}/${sourceId}`)
  }
  const stop = () => {
    receiver.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

/** A setting that cannot be used is one line (or, for the sources file, one line per problem) naming it. */
const settingProblem = (error: unknown): string | undefined => {
  const cause = Runtime.isFiberFailure(error) ? Cause.squash(error[Runtime.FiberFailureCauseId]) : error
  const named = cause as { readonly setting?: unknown; readonly problems?: unknown; readonly message?: unknown }
  return (typeof named?.setting === "string" || Array.isArray(named?.problems)) && typeof named.message === "string" ? named.message : undefined
}

main().catch((error: unknown) => {
  const problem = settingProblem(error)
  console.error(problem === undefined ? error : `Cannot start: ${problem}`)
  process.exit(1)
})
