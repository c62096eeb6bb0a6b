import { Effect } from "effect"
import { type ChainReport, verifyChain } from "../chain/verifyChain.js"
import { redact } from "../config/databaseUrl.js"
import { storeLayerFromEnv } from "../layers/StoreLayerFromEnv.js"

export interface CommandResult {
  readonly exitCode: number
  readonly lines: ReadonlyArray<string>
}

const describeReport = (report: ChainReport): CommandResult =>
  report._tag === "Intact"
    ? { exitCode: 0, lines: [`chain intact: ${report.events} events in ${report.streams} streams`] }
    : {
        exitCode: 1,
        lines: [
          `chain broken: stream ${report.streamId} version ${report.version}`,
          `  expected hash ${report.expected}`,
          `  stored hash   ${report.actual}`
        ]
      }

const storeName = (env: Readonly<Record<string, string | undefined>>) =>
  env.DATABASE_URL?.trim()
    ? `PostgreSQL ${redact(env.DATABASE_URL.trim())}`
    : `SQLite in ${env.CAREPANEL_DATA_DIR?.trim() || "./data"}`

/**
 * `carepanel-store verify [--stream <streamId>]`: walks the hash chains of the store named by the
 * environment. Exit 0 intact, 1 broken, 2 the store could not be opened or read.
 */
export const verifyCommand = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>
): Effect.Effect<CommandResult> => {
  const streamIndex = args.indexOf("--stream")
  const streamId = streamIndex >= 0 ? args[streamIndex + 1] : undefined
  if (streamIndex >= 0 && streamId === undefined) {
    return Effect.succeed({ exitCode: 64, lines: ["usage: carepanel-store verify [--stream <streamId>]"] })
  }
  return verifyChain(streamId === undefined ? {} : { streamId }).pipe(
    Effect.map(describeReport),
    Effect.map((result) => ({ ...result, lines: [`store: ${storeName(env)}`, ...result.lines] })),
    Effect.provide(storeLayerFromEnv(env)),
    Effect.catchAll((error) =>
      Effect.succeed({
        exitCode: 2,
        lines: [error._tag === "StoreConfigError" ? error.message : `Cannot read the event log: ${error.message}`]
      })
    ),
    Effect.scoped
  )
}
