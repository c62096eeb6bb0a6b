import type { DatabaseUrl } from "./databaseUrl.js"
import { StoreConfigError } from "./StoreConfigError.js"

interface DriverError {
  readonly code?: unknown
  readonly message?: unknown
  readonly cause?: unknown
  readonly errors?: unknown
}

/** The first error in a chain of causes (SqlError -> pg error -> AggregateError) that carries a code. */
const findCode = (error: unknown, depth = 0): { code: string; message: string } | undefined => {
  if (typeof error !== "object" || error === null || depth > 5) return undefined
  const e = error as DriverError
  if (typeof e.code === "string") return { code: e.code, message: String(e.message ?? "") }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = findCode(inner, depth + 1)
      if (found) return found
    }
  }
  return findCode(e.cause, depth + 1)
}

const reasons: Record<string, (db: DatabaseUrl, driverMessage: string) => string> = {
  ECONNREFUSED: () => "connection refused",
  ENOTFOUND: (db) => `the host name ${db.host} was not found`,
  EAI_AGAIN: (db) => `the host name ${db.host} could not be looked up`,
  ETIMEDOUT: () => "the connection timed out",
  EHOSTUNREACH: () => "the host is unreachable",
  ECONNRESET: () => "the server closed the connection",
  "28P01": (_, m) => `authentication failed (${m})`,
  "28000": (_, m) => `the server refused the login (${m})`,
  "3D000": (db) => `the database "${db.database}" does not exist`,
  "57P03": () => "the server is starting up or shutting down"
}

/** Turns a failed first connection into one line that names DATABASE_URL and says what went wrong. */
export const connectionFailure = (db: DatabaseUrl, error: unknown): StoreConfigError => {
  const found = findCode(error)
  const text = String((error as DriverError | undefined)?.message ?? error)
  const reason = found
    ? (reasons[found.code]?.(db, found.message) ?? `${found.code}: ${found.message}`)
    : /timed out/i.test(text)
      ? "the connection timed out"
      : text
  return new StoreConfigError({
    setting: "DATABASE_URL",
    message: `Cannot reach the PostgreSQL server at DATABASE_URL ${db.host}:${db.port}: ${reason}`
  })
}
