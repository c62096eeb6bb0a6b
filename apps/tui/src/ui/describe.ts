import { type AuthorityPolicy, type Deadline, formatDate, londonTimeOf, type Referral, type Sitting } from "@carepanel/core"

/** Words and symbols carry every state (never colour alone). */
export const deadlineState: Record<Deadline["state"], string> = {
  overdue: "‼ overdue",
  due_soon: "! due soon",
  pending: "· pending",
  met: "✓ met"
}

export const referralState: Record<Referral["status"], string> = {
  draft: "… draft",
  awaiting_approval: "◌ awaiting approval",
  ready: "● ready",
  accepted: "✓ accepted",
  decided: "■ decided",
  withdrawn: "✗ withdrawn",
  redirected: "→ redirected"
}

export const words = (value: string): string => value.replaceAll("_", " ")

export const panelName = (policy: AuthorityPolicy, panelId: string): string =>
  policy.panels.find((panel) => panel.id === panelId)?.name ?? panelId

/** Whose case a clock is about: the children's ids ("wx-child-06, wx-child-07"), or nothing for a sitting's clock. */
export const whoseClock = (deadline: Deadline): string => deadline.about.childIds?.join(", ") ?? ""

/** "1 placement", "2 placements", "1 child", "3 children": a count with its noun. */
export const counted = (count: number, noun: string, plural = `${noun}s`): string => `${count} ${count === 1 ? noun : plural}`

/** "Wed 9 Jun 2027 10:00": a sitting's day and London start time. */
export const sittingWhen = (sitting: Sitting): string => `${formatDate(sitting.date)} ${londonTimeOf(sitting.startsAt)}`

/** What stage a sitting has reached, in words with their symbols. */
export const sittingState = (sitting: Sitting): string => {
  if (sitting.cancelled !== undefined) return "✗ cancelled"
  const parts = [
    counted(sitting.agenda.length, "item"),
    sitting.agendaPublishedAt === undefined ? "agenda draft" : "agenda sent ✓",
    ...(sitting.papersSentAt === undefined ? [] : ["papers ✓"]),
    ...(sitting.quorum === undefined ? [] : [sitting.quorum.enough ? "quorate ✓" : "not quorate ✗"])
  ]
  return parts.join(" · ")
}

export const pad = (text: string, width: number): string => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width))

/**
 * The width of a column of ids: the longest shown (Carepanel's defaults carry long rule ids, DEF-R24-CONSENT-NEXT-WD),
 * at least `least`, at most `most` (what the row leaves after its title's room); longer ids end with `…`.
 */
export const columnWidth = (ids: ReadonlyArray<string>, least: number, most = Number.POSITIVE_INFINITY): number =>
  Math.max(least, Math.min(most, Math.max(0, ...ids.map((id) => id.length))))

/** "40 min", "2 h 5 min", "2 days 5 h": how long until a slot starts, as a person would say it. */
export const untilInWords = (minutes: number): string => {
  const days = Math.floor(minutes / (24 * 60))
  const hours = Math.floor((minutes % (24 * 60)) / 60)
  if (days > 0) return `${counted(days, "day")}${hours > 0 ? ` ${hours} h` : ""}`
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`
}
