import { type Level, type LogSink, jsonLoggerTo as sharedJsonLoggerTo, logEntry as sharedLogEntry } from "@carepanel/app-kit"

export type { Level, LogSink }

/** Stderr in the running TUI (through `console`, so Ink writes them above its frame). */
export const stderrSink: LogSink = (line) => console.error(line)

// JSON escapes C0 controls; these it leaves raw, and a terminal showing the log (tail -f) could take them as control.
const rawAfterJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g

/** One JSON object on one line that reads back exactly and holds no character a terminal takes as control. */
export const escapedJson = (line: string): string =>
  line.replace(rawAfterJson, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)

/** app-kit's JSON logger writing to `sink`, each line also made safe for a terminal that shows the log. */
export const jsonLoggerTo = (sink: LogSink) => sharedJsonLoggerTo((line) => sink(escapedJson(line)))

/** One entry through Effect's logger, from code outside the TUI's runtime (start-up and its failures). */
export const logEntry = (sink: LogSink, level: Level, message: string, annotations: Readonly<Record<string, unknown>>): void =>
  sharedLogEntry((line) => sink(escapedJson(line)), level, message, annotations)
