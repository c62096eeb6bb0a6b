import type { Notification } from "@carepanel/core"
import { defaultRenderer } from "./defaultRenderer.js"
import type { EmailBody, Renderers } from "./Renderer.js"

export interface RenderedEmail extends EmailBody {
  readonly subject: string
}

/**
 * "[Carepanel] " and the headline on one line. The subject is built from the headline alone, never from the
 * body or facts, so whatever a renderer or the body holds (a child's name) cannot reach a subject line.
 */
export const subjectOf = (notification: Notification): string =>
  `[Carepanel] ${notification.headline.replace(/\s+/g, " ").trim()}`

/** The subject, and the body from the kind's renderer or the default one. */
export const renderEmail = (notification: Notification, renderers: Renderers = {}): RenderedEmail => {
  const render = Object.hasOwn(renderers, notification.kind) ? renderers[notification.kind] : undefined
  return { subject: subjectOf(notification), ...(render ?? defaultRenderer)(notification) }
}
