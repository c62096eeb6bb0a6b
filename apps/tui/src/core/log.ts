import { withoutValues } from "@carepanel/app-kit"
import { Effect, Logger, LogLevel } from "effect"

/** Where log lines go: stderr in the running TUI (through `console`, so Ink writes them above its frame), an array in tests. */
export type LogSink = (line: string) => void

export const stderrSink: LogSink = (line) => console.error(line)

// JSON escapes C0 controls; these it leaves raw, and a terminal showing the log (tail -f) could take them as control.
const rawAfterJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g

/** One JSON object on one line that reads back exactly and holds no character a terminal takes as control. */
export const escapedJson = (line: string): string =>
  line.replace(rawAfterJson, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)

/**
 * Effect's JSON logger writing to `sink`: every value escaped, so a name holding CR, LF or ESC cannot forge a line;
 * never a value a record failed to decode with.
 */
export const jsonLoggerTo = (sink: LogSink) =>
  Logger.replace(Logger.defaultLogger, Logger.map(Logger.jsonLogger, (line) => sink(escapedJson(withoutValues(line)))))

export type Level = "Info" | "Warning" | "Error"

/** One entry through Effect's logger, from code outside the TUI's runtime (start-up and its failures). */
export const logEntry = (sink: LogSink, level: Level, message: string, annotations: Readonly<Record<string, unknown>>): void =>
  Effect.runSync(
    Effect.logWithLevel(LogLevel.fromLiteral(level), message).pipe(Effect.annotateLogs({ ...annotations }), Effect.provide(jsonLoggerTo(sink)))
  )
