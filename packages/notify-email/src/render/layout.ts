import { formatInstant, type Notification, type OwnRules, ownRuleSource, ruleCatalogue } from "@carepanel/core"
import { DateTime, Option } from "effect"
import { escapeHtml } from "./escapeHtml.js"
import type { EmailBody, RenderContext, Renderer } from "./Renderer.js"

/** What one kind of notification says beyond its headline: what happened, and what the reader must do. */
export interface KindContent {
  readonly happened: (notification: Notification, context: RenderContext) => string
  readonly toDo: (notification: Notification) => string
}

/** "12:00 Fri 4 Jun 2027" in London time; the raw value if it is not an instant. */
export const formatDue = (due: string): string => Option.match(DateTime.make(due), { onNone: () => due, onSome: formatInstant })

/** A rule id standing alone, not inside a longer id: the catalogue's, and the authority's own (capitals, digits, hyphens). */
const citationOf = (ids: ReadonlyArray<string>) =>
  new RegExp(`(?<![A-Z0-9-])(${[...ids].sort((a, b) => b.length - a.length).join("|")})(?![A-Z0-9-])`, "g")
const catalogueCitation = citationOf(Object.keys(ruleCatalogue))

/**
 * Every rule the notification cites, the act-by rule first: from `actBy`, `facts.ruleId`, the headline and the body,
 * where the catalogue's ids and the authority's own (`ownRules`) are found.
 */
export const rulesOf = (notification: Notification, ownRules?: OwnRules): ReadonlyArray<string> => {
  const own = Object.keys(ownRules?.rules ?? {})
  const citation = own.length === 0 ? catalogueCitation : citationOf([...Object.keys(ruleCatalogue), ...own])
  const cited = [notification.headline, ...notification.body].flatMap((text) => [...text.matchAll(citation)].map((match) => match[1] ?? ""))
  const fact = notification.facts.ruleId
  return [...new Set([notification.actBy?.ruleId, typeof fact === "string" ? fact : undefined, ...cited])].filter(
    (rule): rule is string => rule !== undefined && rule !== ""
  )
}

const byWhen = (notification: Notification): ReadonlyArray<string> =>
  notification.actBy
    ? [`Act by ${formatDue(notification.actBy.due)} (rule ${notification.actBy.ruleId}).`, notification.actBy.explanation]
    : ["There is no deadline for this."]

/** A rule on the Rules line: the catalogue's by id (shared/docs/rules.md), the authority's own with its source and words. */
const listed = (id: string, ownRules: OwnRules | undefined) => {
  const source = ownRuleSource(id, { ownRules })
  return source === undefined ? id : `${id} (${source})`
}

/** The rules behind the message; none for a kind no rule governs (a cancelled sitting). */
const ruleLine = (notification: Notification, { ownRules }: RenderContext): ReadonlyArray<string> => {
  const rules = rulesOf(notification, ownRules)
  return rules.length === 0 ? [] : [`${rules.length === 1 ? "Rule" : "Rules"}: ${rules.map((id) => listed(id, ownRules)).join(", ")}.`]
}

const footer = (notification: Notification) =>
  `This is an automatic message from Carepanel; please do not reply. Reference: ${notification.id}`

/** The sections every email has, in order: heading, lines. */
const sections = (notification: Notification, content: KindContent, context: RenderContext): ReadonlyArray<readonly [string, ReadonlyArray<string>]> => [
  ["What happened", [content.happened(notification, context)]],
  ["What to do", [content.toDo(notification)]],
  ["By when", [...byWhen(notification), ...ruleLine(notification, context)]],
  ["Details", notification.body]
]

const text = (notification: Notification, content: KindContent, context: RenderContext): string =>
  [
    notification.headline,
    ...sections(notification, content, context).flatMap(([heading, lines]) => ["", heading, ...lines]),
    "",
    "--",
    footer(notification)
  ].join("\n")

const deadlineStyle = ' style="border-left:4px solid #b58900;padding-left:8px"'

const html = (notification: Notification, content: KindContent, context: RenderContext): string =>
  [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">',
    `<h1 style="font-size:1.25em">${escapeHtml(notification.headline)}</h1>`,
    ...sections(notification, content, context).flatMap(([heading, lines]) => [
      `<h2 style="font-size:1em">${escapeHtml(heading)}</h2>`,
      ...lines.map((line, i) =>
        heading === "By when" && i === 0 && notification.actBy
          ? `<p${deadlineStyle}><strong>${escapeHtml(line)}</strong></p>`
          : `<p>${escapeHtml(line)}</p>`
      )
    ]),
    `<hr><p style="color:#555;font-size:0.85em">${escapeHtml(footer(notification))}</p>`,
    "</body></html>"
  ].join("\n")

/** A renderer writing the kind's content in the common layout, as plain text and as escaped HTML. */
export const layoutRenderer =
  (content: KindContent): Renderer =>
  (notification, context): EmailBody => ({ text: text(notification, content, context), html: html(notification, content, context) })
