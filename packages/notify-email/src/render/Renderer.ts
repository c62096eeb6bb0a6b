import type { Notification, OwnRules } from "@carepanel/core"

/** The body of an email in both forms. A renderer never writes the subject: see `subjectOf`. */
export interface EmailBody {
  readonly text: string
  readonly html: string
}

/** What a renderer knows beyond the notification: the own rules of its authority (`BRK-4`), which no catalogue holds. */
export interface RenderContext {
  readonly ownRules: OwnRules | undefined
}

/** Writes the body of one kind of notification. */
export type Renderer = (notification: Notification, context: RenderContext) => EmailBody

/** Renderers by notification `kind`, replacing the built-in body of those kinds (`kindRenderers`). */
export type Renderers = Readonly<Record<string, Renderer>>
