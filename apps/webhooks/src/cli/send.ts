import { randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Schema } from "effect"
import { Webhook } from "standardwebhooks"
import { MosaicPanelForm, mosaicToRequestSubmitted } from "../mapping/mosaicForm.js"

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

const mosaicEvent = (path: string | URL) => mosaicToRequestSubmitted(Schema.decodeUnknownSync(MosaicPanelForm)(readJson(path)))

/** The body to send: the given file, the mapped Mosaic export, or an example (by default the Mosaic example request). */
export const bodyOf = (options: SendOptions): string => {
  if (options.file !== undefined) return readFileSync(options.file, "utf8")
  if (options.mosaic !== undefined) return JSON.stringify(mosaicEvent(options.mosaic))
  const type = options.example ?? "request.submitted"
  if (type === "request.submitted") return JSON.stringify(mosaicEvent(new URL("mosaic-form.json", examplesDir)))
  if (!/^[a-z0-9_.]+$/.test(type)) throw new Error(`--example ${type}: not an event type`)
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
