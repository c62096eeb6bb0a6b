/** The API's log lines: app-kit's JSON logger, shared with the receiver and the terminal UI. */
export { jsonLoggerTo, type Level, type LogSink, logEntry } from "@carepanel/app-kit"
