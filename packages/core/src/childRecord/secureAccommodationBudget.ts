/**
 * STAT-S25 (Children (Secure Accommodation) Regulations 1991 reg 10): without a court's authority a child may be kept
 * in secure accommodation for at most 72 hours, whether or not consecutive, in any 28 consecutive days. Pure interval
 * arithmetic on epoch milliseconds. The 28 days are 28 x 24 elapsed hours: a window spanning a clock change is then
 * an hour shorter or longer by the wall clock, and the 72 hours are elapsed hours as the statute counts them.
 */

export const hourMs = 3_600_000
export const limitHours = 72
export const windowMs = 28 * 24 * hourMs

export interface Span {
  readonly from: number
  readonly to: number
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from))

/** The parts of `span` outside every court authorisation: the time that counts towards the 72 hours. */
export const countedParts = (span: Span, authorised: ReadonlyArray<Span>): ReadonlyArray<Span> => {
  let parts: Span[] = span.to > span.from ? [span] : []
  for (const court of authorised) {
    parts = parts.flatMap((part) =>
      court.to <= part.from || court.from >= part.to
        ? [part]
        : [
            ...(court.from > part.from ? [{ from: part.from, to: court.from }] : []),
            ...(court.to < part.to ? [{ from: court.to, to: part.to }] : [])
          ]
    )
  }
  return parts
}

/** Counted milliseconds of `spans` in the 28 days ending at `at`. */
export const usedInWindowEnding = (spans: ReadonlyArray<Span>, at: number): number =>
  spans.reduce((sum, span) => sum + overlap(span, { from: at - windowMs, to: at }), 0)

/**
 * The most counted time in any 28-day window that holds part of `holding` (an earlier period that ran past the limit
 * in windows holding none of it says nothing about it). A window's total is largest when it ends as a period ends, or,
 * among those that hold part of `holding`, as the last of them: the one ending 28 days after a part ends, which holds
 * its last instant in the limit (the total is continuous, so one over the limit there is over it just before).
 */
export const mostInAnyWindow = (spans: ReadonlyArray<Span>, holding: ReadonlyArray<Span>): number => {
  const ends = [
    ...spans.map((span) => span.to).filter((to) => holding.some((part) => to > part.from && to < part.to + windowMs)),
    ...holding.map((part) => part.to + windowMs)
  ]
  return Math.max(0, ...ends.map((end) => usedInWindowEnding(spans, end)))
}

/**
 * For a period open since `start`, the first instant at which the counted time in the 28 days to then reaches
 * `hours`, counting earlier `closed` spans and the open period itself (less any court authorisation): at the latest
 * `hours` after the last court's authority ends, as every instant then counts. The total is linear between breakpoints
 * (where time starts or stops counting, at either end of the window), so the answer is found exactly, segment by segment.
 */
export const reachesAt = (closed: ReadonlyArray<Span>, start: number, authorised: ReadonlyArray<Span>, hours: number): number | undefined => {
  const target = hours * hourMs
  const horizon = Math.max(start, ...authorised.map((court) => court.to)) + hours * hourMs
  const used = (t: number) => usedInWindowEnding([...closed, ...countedParts({ from: start, to: t }, authorised)], t)
  const edges = [...closed.flatMap((span) => [span.from, span.to]), start, ...authorised.flatMap((court) => [court.from, court.to])]
  const breakpoints = [...new Set([start, horizon, ...edges, ...edges.map((edge) => edge + windowMs)])]
    .filter((t) => t >= start && t <= horizon)
    .sort((a, b) => a - b)
  if (used(start) >= target) return start
  for (let i = 1; i < breakpoints.length; i++) {
    const [a, b] = [breakpoints[i - 1]!, breakpoints[i]!]
    const [ua, ub] = [used(a), used(b)]
    if (ub >= target) return Math.ceil(a + ((target - ua) * (b - a)) / (ub - ua))
  }
  return undefined
}

/** "30 hours", "41 hours 30 minutes": how much of the 72 hours, to the minute. */
export const describeHours = (ms: number): string => {
  const minutes = Math.round(ms / 60_000)
  const [h, m] = [Math.floor(minutes / 60), minutes % 60]
  return `${h} hour${h === 1 ? "" : "s"}${m === 0 ? "" : ` ${m} minute${m === 1 ? "" : "s"}`}`
}
