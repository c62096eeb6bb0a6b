import { Effect, Logger, LogLevel } from "effect"
import { withoutValues } from "./withoutValues.js"

/** Where log lines go: stderr in a running app, an array in the tests. */
export type LogSink = (line: string) => void

/**
 * Effect's JSON logger writing to `sink`: one object per line, every value escaped by JSON, so a staff name with CR,
 * LF or NUL in it stays inside its string and cannot forge a line; never a value a record failed to decode with.
 */
export const jsonLoggerTo = (sink: LogSink) => Logger.replace(Logger.defaultLogger, Logger.map(Logger.jsonLogger, (line) => sink(withoutValues(line))))

export type Level = "Info" | "Warning" | "Error"

/** One entry through Effect's logger, from code that runs outside the app's runtime (HTTP handlers, start-up). */
export const logEntry = (sink: LogSink, level: Level, message: string, annotations: Readonly<Record<string, unknown>>): void =>
  Effect.runSync(
    Effect.logWithLevel(LogLevel.fromLiteral(level), message).pipe(Effect.annotateLogs({ ...annotations }), Effect.provide(jsonLoggerTo(sink)))
  )
