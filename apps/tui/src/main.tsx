import { dataDirOf, emailNotifierFromEnv, policiesFromEnv, RandomIds, storeAnswerMsOf, telemetryOption, undoOnFailure } from "@carepanel/app-kit"
import { dispatcherConfig, runDispatcher } from "@carepanel/core"
import { isEmpty, seedAuthority, shiftedClock } from "@carepanel/demo"
import { SqliteStoreLayer, storeLayerFromEnv } from "@carepanel/store-sql"
import { render } from "ink"
import { inboxDaysOf, sendsEmail, startingInstantOf } from "./config/env.js"
import { operatorOf, operatorSourceFromEnv } from "./config/operators.js"
import { startupFailure } from "./config/startupFailure.js"
import { logEntry, stderrSink } from "./core/log.js"
import { makeTuiRuntime } from "./core/runtime.js"
import { installFrameCaches } from "./ui/frameCaches.js"
import { Live } from "./ui/Live.js"

const main = async () => {
  const env = process.env
  const policies = policiesFromEnv(env)
  const inboxDays = inboxDaysOf(env)
  const operator = operatorOf(operatorSourceFromEnv(env), policies)
  const dataDir = dataDirOf(env)
  const store = env.DATABASE_URL?.trim() ? storeLayerFromEnv(env) : SqliteStoreLayer({ dataDir, dataDirSetting: "CAREPANEL_DATA_DIR" }, env)
  const email = emailNotifierFromEnv(env, policies)
  const dispatch = sendsEmail(env, email !== undefined)
  const startAt = startingInstantOf(env)
  const offsetMs = startAt === undefined ? 0 : startAt.getTime() - Date.now()
  const production = env.NODE_ENV === "production"
  const tui = await makeTuiRuntime({
    production,
    store,
    accessLog: store,
    ids: RandomIds,
    policies,
    operator,
    inboxDays,
    storeAnswerMs: storeAnswerMsOf(env),
    ...(email === undefined ? {} : { email }),
    ...(startAt === undefined ? {} : { clock: shiftedClock(() => offsetMs) }),
    ...telemetryOption(env, "carepanel-tui")
  })
  const home = policies[0]!
  // A step after the store is open that fails (the store unreadable, the seed stopped part-way) closes the store
  // before the failure is reported.
  await undoOnFailure(async () => {
    // As the API's main job: an empty store gets the demonstration authority's history (never in production).
    if ((env.CAREPANEL_SEED?.trim() || (production ? "false" : "true")) !== "false" && (await tui.runtime.runPromise(isEmpty(home.authority.id)))) {
      logEntry(stderrSink, "Info", "Seeding the demonstration authority", { authority: home.authority.name, into: env.DATABASE_URL?.trim() ? "the database" : dataDir })
      await tui.runtime.runPromise(seedAuthority(home))
      if (process.stdout.isTTY) process.stdout.write("\x1b[2J\x1b[H")
    }
    if (dispatch) tui.runtime.runFork(runDispatcher(dispatcherConfig()))
    await installFrameCaches()
    const app = render(<Live tui={tui} actor={operator} colour={!env.NO_COLOR} />, { exitOnCtrlC: true })
    await app.waitUntilExit()
  }, () => tui.runtime.dispose())
  await tui.runtime.dispose()
  process.exit(0)
}

main().catch((error: unknown) => {
  const { message, annotations } = startupFailure(error, process.env.NODE_ENV === "production")
  logEntry(stderrSink, "Error", message, annotations)
  process.exit(1)
})
