import { formatInstant, type Notification } from "@carepanel/core"
import { DateTime, Option } from "effect"
import { escapeHtml } from "./escapeHtml.js"
import type { Renderer } from "./Renderer.js"

/** "12:00 Fri 4 Jun 2027" in London time; the raw value if it is not an instant. */
export const formatDue = (due: string): string =>
  Option.match(DateTime.make(due), { onNone: () => due, onSome: formatInstant })

const footer = (notification: Notification) =>
  `This is an automatic message from Carepanel; please do not reply. Reference: ${notification.id}`

const actByText = (notification: Notification): ReadonlyArray<string> =>
  notification.actBy
    ? ["", `Act by ${formatDue(notification.actBy.due)} (rule ${notification.actBy.ruleId}).`, notification.actBy.explanation]
    : []

const actByHtml = (notification: Notification): string =>
  notification.actBy
    ? `<p style="border-left:4px solid #b58900;padding-left:8px"><strong>Act by ${escapeHtml(formatDue(notification.actBy.due))}</strong>` +
      ` (rule ${escapeHtml(notification.actBy.ruleId)}).<br>${escapeHtml(notification.actBy.explanation)}</p>`
    : ""

/** Headline, body lines, the act-by instant with its rule and explanation, and a reference. */
export const defaultRenderer: Renderer = (notification) => ({
  text: [notification.headline, "", ...notification.body, ...actByText(notification), "", "--", footer(notification)].join(
    "\n"
  ),
  html: [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">',
    `<h1 style="font-size:1.25em">${escapeHtml(notification.headline)}</h1>`,
    ...notification.body.map((line) => `<p>${escapeHtml(line)}</p>`),
    actByHtml(notification),
    `<hr><p style="color:#555;font-size:0.85em">${escapeHtml(footer(notification))}</p>`,
    "</body></html>"
  ].join("\n")
})
