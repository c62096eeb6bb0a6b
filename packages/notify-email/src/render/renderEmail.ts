import type { Notification } from "@carepanel/core"
import { defaultRenderer } from "./defaultRenderer.js"
import { kindRenderers } from "./kindRenderers.js"
import type { EmailBody, RenderContext, Renderers } from "./Renderer.js"

export interface RenderedEmail extends EmailBody {
  readonly subject: string
}

/**
 * "[Carepanel] " and the headline on one line. The subject is built from the headline alone, never from the
 * body or facts, so whatever a renderer or the body holds (a child's name) cannot reach a subject line.
 */
export const subjectOf = (notification: Notification): string =>
  `[Carepanel] ${notification.headline.replace(/\s+/g, " ").trim()}`

const own = (renderers: Renderers, kind: string) => (Object.hasOwn(renderers, kind) ? renderers[kind] : undefined)

/**
 * The subject, and the body from your renderer for the kind, else the built-in one, else the default layout; `context`
 * gives the authority's own rules, which the body's Rules line cites with their words.
 */
export const renderEmail = (notification: Notification, renderers: Renderers = {}, context: RenderContext = { ownRules: undefined }): RenderedEmail => {
  const render = own(renderers, notification.kind) ?? own(kindRenderers, notification.kind) ?? defaultRenderer
  return { subject: subjectOf(notification), ...render(notification, context) }
}
