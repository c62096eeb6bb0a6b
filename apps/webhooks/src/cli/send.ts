import { randomUUID } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { problemsOf } from "@carepanel/core"
import { Either, Schema } from "effect"
import { Webhook } from "standardwebhooks"
import { MosaicPanelForm, mosaicToRequestSubmitted, UnknownCode } from "../mapping/mosaicForm.js"

export interface SendOptions {
  readonly url: string
  readonly secret: string
  /** A JSON file holding one event. */
  readonly file?: string
  /** An example event by type (`examples/events/<type>.json`; `request.submitted` is the Mosaic example, mapped). */
  readonly example?: string
  /** A Mosaic-style form export, mapped to `request.submitted`. */
  readonly mosaic?: string
  readonly id?: string
}

const examplesDir = new URL("../../examples/", import.meta.url)
const readJson = (path: string | URL) => JSON.parse(readFileSync(path, "utf8")) as unknown

/** The types `--example` takes: `request.submitted` (the Mosaic example, mapped) and each file in examples/events. */
export const exampleTypes = (): ReadonlyArray<string> =>
  ["request.submitted", ...readdirSync(new URL("events/", examplesDir)).map((file) => file.replace(/\.json$/, ""))].sort()

/** A file named on the command line, read, or an error naming the option and the path. */
const readGiven = (option: string, path: string) => {
  if (!existsSync(path)) throw new Error(`${option} ${path}: there is no such file`)
  return readFileSync(path, "utf8")
}

/** A JSON file named on the command line, parsed, or an error naming the option and the path. */
const parseGiven = (option: string, path: string): unknown => {
  const text = readGiven(option, path)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${option} ${path}: the file is not JSON (${(error as Error).message})`)
  }
}

const decodeForm = Schema.decodeUnknownEither(MosaicPanelForm, { errors: "all" })

/** The export as `request.submitted`, or an error naming where it came from and every field that does not fit. */
const mosaicEvent = (form: unknown, from: string) => {
  const decoded = decodeForm(form)
  if (Either.isLeft(decoded)) {
    throw new Error(`${from}: the export does not fit the Mosaic-style form: ${problemsOf(decoded.left).map((problem) => `${problem.path} ${problem.message}`).join("; ")}`)
  }
  try {
    return mosaicToRequestSubmitted(decoded.right)
  } catch (error) {
    throw error instanceof UnknownCode ? new Error(`${from}: ${error.message}`) : error
  }
}

/** The body to send: the given file, the mapped Mosaic export, or an example (by default the Mosaic example request). */
export const bodyOf = (options: SendOptions): string => {
  if (options.file !== undefined) return readGiven("--file", options.file)
  if (options.mosaic !== undefined) return JSON.stringify(mosaicEvent(parseGiven("--mosaic", options.mosaic), `--mosaic ${options.mosaic}`))
  const type = options.example ?? "request.submitted"
  if (type === "request.submitted") return JSON.stringify(mosaicEvent(readJson(new URL("mosaic-form.json", examplesDir)), "examples/mosaic-form.json"))
  if (!exampleTypes().includes(type)) throw new Error(`--example ${type}: there is no such example; the examples are ${exampleTypes().join(", ")}`)
  return JSON.stringify(readJson(fileURLToPath(new URL(`events/${type}.json`, examplesDir))))
}

/** Signs the body as Standard Webhooks (the official library) and POSTs it; answers the status and the response text. */
export const send = async (options: SendOptions): Promise<{ readonly status: number; readonly text: string; readonly id: string }> => {
  const body = bodyOf(options)
  const id = options.id ?? `msg_${randomUUID()}`
  const now = new Date()
  const response = await fetch(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(options.secret).sign(id, now, body)
    },
    body
  })
  return { status: response.status, text: await response.text(), id }
}
