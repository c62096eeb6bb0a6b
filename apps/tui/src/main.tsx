import { dataDirOf, emailNotifierFromEnv, onOff, policiesFromEnv, RandomIds, telemetryOption } from "@carepanel/app-kit"
import { dispatcherConfig, runDispatcher } from "@carepanel/core"
import { isEmpty, seedAuthority, shiftedClock } from "@carepanel/demo"
import { SqliteStoreLayer, storeLayerFromEnv } from "@carepanel/store-sql"
import { render } from "ink"
import { Cause, Runtime } from "effect"
import { startingInstantOf } from "./config/env.js"
import { operatorOf, operatorSourceFromEnv } from "./config/operators.js"
import { makeTuiRuntime } from "./core/runtime.js"
import { Live } from "./ui/Live.js"

const main = async () => {
  const env = process.env
  const policies = policiesFromEnv(env)
  const operator = operatorOf(operatorSourceFromEnv(env), policies)
  const dataDir = dataDirOf(env)
  const store = env.DATABASE_URL?.trim() ? storeLayerFromEnv(env) : SqliteStoreLayer({ dataDir }, env)
  const alsoNotify = emailNotifierFromEnv(env)
  const startAt = startingInstantOf(env)
  const offsetMs = startAt === undefined ? 0 : startAt.getTime() - Date.now()
  const tui = await makeTuiRuntime({
    store,
    accessLog: store,
    ids: RandomIds,
    policies,
    operator,
    ...(alsoNotify === undefined ? {} : { alsoNotify }),
    ...(startAt === undefined ? {} : { clock: shiftedClock(() => offsetMs) }),
    ...telemetryOption(env, "carepanel-tui")
  })
  const production = env.NODE_ENV === "production"
  const home = policies[0]!
  // As the API's main job: an empty store gets the demonstration authority's history (never in production).
  if ((env.CAREPANEL_SEED?.trim() || (production ? "false" : "true")) !== "false" && (await tui.runtime.runPromise(isEmpty(home.authority.id)))) {
    console.log(`Seeding ${home.authority.name} into ${env.DATABASE_URL?.trim() ? "the database" : dataDir}…`)
    await tui.runtime.runPromise(seedAuthority(home))
    if (process.stdout.isTTY) process.stdout.write("\x1b[2J\x1b[H")
  }
  if (onOff(env, "CAREPANEL_DISPATCHER", true)) tui.runtime.runFork(runDispatcher(dispatcherConfig()))
  const app = render(<Live tui={tui} actor={operator} colour={!env.NO_COLOR} />, { exitOnCtrlC: true })
  await app.waitUntilExit()
  await tui.runtime.dispose()
  process.exit(0)
}

/** A setting that cannot be used is one line naming it; anything else is a bug, shown whole. */
const settingProblem = (error: unknown): string | undefined => {
  const cause = Runtime.isFiberFailure(error) ? Cause.squash(error[Runtime.FiberFailureCauseId]) : error
  const named = cause as { readonly setting?: unknown; readonly message?: unknown }
  return typeof named?.setting === "string" && typeof named.message === "string" ? named.message : undefined
}

main().catch((error: unknown) => {
  const problem = settingProblem(error)
  console.error(problem === undefined ? error : `Cannot start: ${problem}`)
  process.exit(1)
})
