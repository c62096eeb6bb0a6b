import type { Notification } from "@carepanel/core"

/** The body of an email in both forms. A renderer never writes the subject: see `subjectOf`. */
export interface EmailBody {
  readonly text: string
  readonly html: string
}

/** Writes the body of one kind of notification. */
export type Renderer = (notification: Notification) => EmailBody

/** Renderers by notification `kind`, replacing the built-in body of those kinds (`kindRenderers`). */
export type Renderers = Readonly<Record<string, Renderer>>
