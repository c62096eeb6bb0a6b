import { Effect } from "effect"
import { StoreConfigError } from "./StoreConfigError.js"

/** The parts of a PostgreSQL connection URL the store reports in messages (never the password). */
export interface DatabaseUrl {
  readonly url: string
  readonly host: string
  readonly port: number
  readonly database: string
}

const invalid = (reason: string) =>
  new StoreConfigError({
    setting: "DATABASE_URL",
    message: `DATABASE_URL is not a valid postgres:// URL: ${reason}`
  })

/** Checks `DATABASE_URL` before anything connects: scheme, host, port and database name. */
export const parseDatabaseUrl = (raw: string): Effect.Effect<DatabaseUrl, StoreConfigError> =>
  Effect.gen(function* () {
    const text = raw.trim()
    if (!URL.canParse(text)) {
      return yield* invalid(`"${redact(text)}" cannot be read as a URL (expected postgres://user:password@host:5432/database)`)
    }
    const url = new URL(text)
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
      return yield* invalid(`the scheme is "${url.protocol.replace(/:$/, "")}", expected postgres or postgresql`)
    }
    if (url.hostname === "" && !url.searchParams.has("host")) {
      return yield* invalid("it names no host")
    }
    const port = url.port === "" ? 5432 : Number(url.port)
    const database = decodeURIComponent(url.pathname.replace(/^\//, ""))
    if (database === "" || database.includes("/")) {
      return yield* invalid(`"${database}" is not a database name (the path must be /<database>)`)
    }
    return { url: text, host: url.hostname || (url.searchParams.get("host") ?? ""), port, database }
  })

/** The URL with its password replaced, for messages. */
export const redact = (raw: string): string => raw.replace(/(\/\/[^:/@]*:)[^@/]*@/, "$1***@")
