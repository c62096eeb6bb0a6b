import { parseArgs } from "node:util"
import type { AuthorityId } from "@carepanel/core"
import { Effect } from "effect"
import { StoreIntegrity } from "../chain/StoreIntegrity.js"
import { type ChainReport, verifyChain } from "../chain/verifyChain.js"
import { type IntegrityReport, verifyStore } from "../chain/verifyStore.js"
import { appendCheckpoint, lastCheckpoint } from "../chain/witness.js"
import { redact } from "../config/databaseUrl.js"
import { StoreConfigError } from "../config/StoreConfigError.js"
import { storeLayerFromEnv } from "../layers/StoreLayerFromEnv.js"
import { backupNow } from "./backupCommand.js"
import { plural } from "./plural.js"
import { rebuildNow } from "./rebuildCommand.js"
import { verifierClient, verifierKeys } from "./verifierStore.js"

type Env = Readonly<Record<string, string | undefined>>

export interface CommandResult {
  readonly exitCode: number
  readonly lines: ReadonlyArray<string>
}

const usageLine =
  "usage: carepanel-store verify [--stream <streamId>] | carepanel-store checkpoint | carepanel-store rebuild [--authority <id>] | carepanel-store backup <file>"

const describeStream = (report: ChainReport): CommandResult =>
  report._tag === "Intact"
    ? { exitCode: 0, lines: [`chain intact: ${plural(report.events, "event")} in ${plural(report.streams, "stream")}`] }
    : {
        exitCode: 1,
        lines: [
          `chain broken: stream ${report.streamId} version ${report.version}`,
          `  expected hash ${report.expected}`,
          `  stored hash   ${report.actual}`
        ]
      }

const describeStore = (report: IntegrityReport, witnessFile: string | undefined): CommandResult => {
  if (report._tag === "Broken") {
    const where = report.log === "witness" ? "the witness" : `${report.log === "events" ? "events position" : "access log entry"} ${report.position}`
    const stream = report.streamId === undefined ? "" : ` (stream ${report.streamId})`
    return { exitCode: 1, lines: [`chain broken at ${where}${stream}: ${report.reason}`] }
  }
  const witnessed = report.witnessed
  return {
    exitCode: 0,
    lines: [
      `chain intact: ${plural(report.events, "event")} in ${plural(report.streams, "stream")} (${plural(report.commits, "signed commit")}), ${plural(report.accessEntries, "access-log entry", "access-log entries")}`,
      `signed by: ${report.keyIds.join(", ") || "no commit yet"}`,
      witnessed !== undefined
        ? `witness: matches the checkpoint of ${witnessed.at} (events to ${witnessed.events.position}, access log to ${witnessed.access.seq})`
        : witnessFile === undefined
          ? "witness: none configured (CAREPANEL_WITNESS_FILE), so a removed tail would go unnoticed"
          : `witness: ${witnessFile} holds no checkpoint yet`
    ]
  }
}

const storeName = (env: Env) =>
  env.DATABASE_URL?.trim() ? `PostgreSQL ${redact(env.DATABASE_URL.trim())}` : `SQLite in ${env.CAREPANEL_DATA_DIR?.trim() || "./data"}`

/** The environment without a witness: opening the store to checkpoint must not itself write to the witness. */
const withoutWitness = (env: Env): Env => ({ ...env, CAREPANEL_WITNESS_FILE: "" })

/**
 * The whole store: chains, signatures (against public keys only, see `verifierKeys`), the witness's last checkpoint.
 * The database is opened as it is (`verifierClient`): nothing is migrated or signed.
 */
const verifyWholeStore = (env: Env) =>
  Effect.gen(function* () {
    const witnessFile = env.CAREPANEL_WITNESS_FILE?.trim() || undefined
    // Read before the store is opened: nothing this run does can move the witness.
    const witness = witnessFile === undefined ? undefined : yield* lastCheckpoint(witnessFile)
    const report = yield* Effect.provide(
      Effect.flatMap(verifierKeys(env), (trusted) => verifyStore({ trusted, witness })),
      verifierClient(env)
    )
    return describeStore(report, witnessFile)
  })

const checkpointNow = (env: Env) =>
  Effect.gen(function* () {
    const witnessFile = env.CAREPANEL_WITNESS_FILE?.trim()
    if (!witnessFile) return { exitCode: 64, lines: ["CAREPANEL_WITNESS_FILE must name the witness file to append the checkpoint to"] }
    const checkpoint = yield* (yield* StoreIntegrity).checkpoint
    yield* appendCheckpoint(witnessFile, checkpoint)
    return {
      exitCode: 0,
      lines: [`checkpoint written to ${witnessFile}: events to ${checkpoint.events.position}, access log to ${checkpoint.access.seq}, key ${checkpoint.keyId}`]
    }
  })

/** The options each command takes; anything else is refused rather than ignored (a mistyped flag must not run the whole). */
const optionsOf: Record<string, Readonly<Record<string, { readonly type: "string" }>>> = {
  verify: { stream: { type: "string" } },
  checkpoint: {},
  rebuild: { authority: { type: "string" } }
}

/** The command's options, or why they are refused. */
const parsedOptions = (command: string, args: ReadonlyArray<string>): { readonly stream?: string; readonly authority?: string } | string => {
  const options = optionsOf[command]
  if (options === undefined) return `unknown command ${command}`
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false })
    const given = values as { readonly stream?: string; readonly authority?: string }
    return given.stream === "" || given.authority === "" ? "an option needs a value" : given
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * `carepanel-store verify [--stream <streamId>]` checks the store named by the environment (exit 0 intact, 1 broken,
 * 2 the store, key or witness could not be read); `carepanel-store checkpoint` appends a checkpoint to the witness;
 * `carepanel-store rebuild [--authority <id>]` writes the read models again from the log (exit 1 if a stream could
 * not be folded), opening the store as the apps do; `carepanel-store backup <file>` copies a SQLite store while it runs.
 */
export const storeCommand = (command: string, args: ReadonlyArray<string>, env: Env): Effect.Effect<CommandResult> => {
  const options = command === "backup" ? {} : parsedOptions(command, args)
  if (typeof options === "string") return Effect.succeed({ exitCode: 64, lines: [`carepanel-store: ${options}`, usageLine] })
  const { stream: streamId, authority: authorityId } = options
  const run =
    command === "backup"
      ? backupNow(args, env)
      : command === "checkpoint"
      ? Effect.provide(checkpointNow(env), storeLayerFromEnv(withoutWitness(env)))
      : command === "rebuild"
        ? Effect.provide(rebuildNow(authorityId as AuthorityId | undefined), storeLayerFromEnv(withoutWitness(env)))
        : streamId !== undefined
        ? Effect.provide(Effect.map(verifyChain({ streamId }), describeStream), verifierClient(env))
        : verifyWholeStore(env)
  return run.pipe(
    Effect.map((result) => ({ ...result, lines: [`store: ${storeName(env)}`, ...result.lines] })),
    Effect.catchAll((error) =>
      Effect.succeed({
        exitCode: 2,
        lines: [
          error instanceof StoreConfigError
            ? error.message
            : `Cannot ${command === "rebuild" ? "rebuild the read models" : command === "backup" ? "back up the store" : "check the store"}: ${(error as Error).message}`
        ]
      })
    ),
    Effect.scoped
  )
}

/** `carepanel-store verify ...` */
export const verifyCommand = (args: ReadonlyArray<string>, env: Env) => storeCommand("verify", args, env)
