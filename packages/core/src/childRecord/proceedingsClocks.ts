import { formatInstant } from "../calendar/format.js"
import { earliest } from "./earliest.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { ChildRecord } from "./ChildRecord.js"
import { extendedAtOf } from "./extendedAt.js"
import { preProceedingsWeeks, proceedingsWeeks } from "./Proceedings.js"

const weeks = (n: number) => ({ _tag: "WeeksAfter" as const, weeks: n })

/**
 * STAT-PLO: 16 weeks from the letter before proceedings, met by the first of issue, the end of pre-proceedings and a
 * review that continued them with reasons (proceedings issued after a step-down leave it met at the step-down;
 * guidance: only ever a clock, never a refusal); each such review's own weeks, met the same way or by the next review.
 * The panel's own reviews of pre-proceedings (NSO-9) are the decision's clocks, counted from the hearing that agreed
 * them (decisionClocks). STAT-S31: 26 weeks from issue, then each extension from the end before it, each met by the
 * next extension or the conclusion.
 */
export const proceedingsClocks = (record: ChildRecord): ReadonlyArray<ClockSpec> => {
  const p = record.proceedings
  const about = { kind: "child" as const, id: record.childId }
  const clocks: ClockSpec[] = []
  if (p.letterSentAt !== undefined) {
    const left = earliest(p.issuedAt, p.preProceedingsEndedAt)
    const continuations = p.continuations ?? []
    clocks.push({
      id: `${record.childId}:plo-16w`,
      about,
      title: "Pre-proceedings at 16 weeks: issue proceedings, step down, or record at review why they go on (guidance, not a bar)",
      rule: { ruleId: "STAT-PLO", clock: weeks(preProceedingsWeeks) },
      anchor: p.letterSentAt,
      anchorText: `the letter before proceedings at ${formatInstant(p.letterSentAt)}`,
      metAt: earliest(left, continuations[0]?.reviewedAt)
    })
    continuations.forEach((continuation, i) => {
      clocks.push({
        id: `${record.childId}:plo-continued:${i + 1}`,
        about,
        title: `Pre-proceedings continued by review ${i + 1}: issue proceedings, step down, or review again (guidance, not a bar)`,
        rule: { ruleId: "STAT-PLO", clock: weeks(continuation.weeks) },
        anchor: continuation.reviewedAt,
        anchorText: `the review at ${formatInstant(continuation.reviewedAt)} that continued pre-proceedings for ${continuation.weeks} weeks`,
        metAt: earliest(left, continuations[i + 1]?.reviewedAt)
      })
    })
  }
  if (p.issuedAt !== undefined) {
    clocks.push({
      id: `${record.childId}:proceedings-26w`,
      about,
      title: "Care proceedings finish within 26 weeks, unless the court extends",
      rule: { ruleId: "STAT-S31", clock: weeks(proceedingsWeeks) },
      anchor: p.issuedAt,
      anchorText: `the issue of care proceedings at ${formatInstant(p.issuedAt)}`,
      metAt: (p.extensions[0] && extendedAtOf(p.extensions[0])) ?? p.concludedAt
    })
    p.extensions.forEach((extension, i) => {
      clocks.push({
        id: `${record.childId}:proceedings-extension:${i + 1}`,
        about,
        title: `Care proceedings finish by the end of extension ${i + 1}, unless the court extends again`,
        rule: { ruleId: "STAT-S31", clock: weeks(extension.weeks) },
        anchor: extension.from,
        anchorText: `the timetable's end at ${formatInstant(extension.from)} (extension ${i + 1}; at most 8 weeks at a time)`,
        metAt: (p.extensions[i + 1] && extendedAtOf(p.extensions[i + 1]!)) ?? p.concludedAt
      })
    })
  }
  return clocks
}
