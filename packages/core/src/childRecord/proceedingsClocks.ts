import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { ChildRecord } from "./ChildRecord.js"
import { preProceedingsWeeks, proceedingsWeeks } from "./Proceedings.js"

/** A later panel hearing about the child: what meets a pre-proceedings review (NSO-9). */
export interface ChildHearing {
  readonly heardAt: DateTime.Utc
  readonly preProceedings: boolean
}

const weeks = (n: number) => ({ _tag: "WeeksAfter" as const, weeks: n })

/**
 * STAT-PLO: 16 weeks from the letter before proceedings, met by issue or the end of pre-proceedings (guidance: only
 * ever a clock, never a refusal); the authority's review of pre-proceedings by panel (NSO-9: 8-10 weeks) counted from
 * entry, then from each review while pre-proceedings last. STAT-S31: 26 weeks from issue, then each extension from
 * the end before it, each met by the next extension or the conclusion.
 */
export const proceedingsClocks = (record: ChildRecord, policy: AuthorityPolicy, hearings: ReadonlyArray<ChildHearing>): ReadonlyArray<ClockSpec> => {
  const p = record.proceedings
  const about = { kind: "child" as const, id: record.childId }
  const clocks: ClockSpec[] = []
  if (p.letterSentAt !== undefined) {
    const left = p.issuedAt ?? p.preProceedingsEndedAt
    clocks.push({
      id: `${record.childId}:plo-16w`,
      about,
      title: "Pre-proceedings at 16 weeks: issue proceedings, step down, or record at review why they go on (guidance, not a bar)",
      rule: { ruleId: "STAT-PLO", clock: weeks(preProceedingsWeeks) },
      anchor: p.letterSentAt,
      anchorText: `the letter before proceedings at ${formatInstant(p.letterSentAt)}`,
      metAt: left
    })
    for (const review of policy.decision.automaticReviews.filter((candidate) => candidate.forRequestTypes.includes("pre_proceedings"))) {
      let anchor = p.letterSentAt
      let anchorText = `entry to pre-proceedings (the letter at ${formatInstant(anchor)})`
      for (let n = 1; n <= 20; n++) {
        const heard = hearings.find((hearing) => hearing.preProceedings && DateTime.greaterThan(hearing.heardAt, anchor))?.heardAt
        const ended = left !== undefined && (heard === undefined || DateTime.lessThan(left, heard))
        clocks.push({
          id: `${record.childId}:plo-review:${n}`,
          about,
          title: "Pre-proceedings reviewed by panel",
          rule: review.latest,
          anchor,
          anchorText,
          metAt: ended ? left : heard
        })
        if (heard === undefined || ended) break
        anchor = heard
        anchorText = `the last review at ${formatInstant(heard)}`
      }
    }
  }
  if (p.issuedAt !== undefined) {
    clocks.push({
      id: `${record.childId}:proceedings-26w`,
      about,
      title: "Care proceedings finish within 26 weeks, unless the court extends",
      rule: { ruleId: "STAT-S31", clock: weeks(proceedingsWeeks) },
      anchor: p.issuedAt,
      anchorText: `the issue of care proceedings at ${formatInstant(p.issuedAt)}`,
      metAt: p.extensions[0]?.at ?? p.concludedAt
    })
    p.extensions.forEach((extension, i) => {
      clocks.push({
        id: `${record.childId}:proceedings-extension:${i + 1}`,
        about,
        title: `Care proceedings finish by the end of extension ${i + 1}, unless the court extends again`,
        rule: { ruleId: "STAT-S31", clock: weeks(extension.weeks) },
        anchor: extension.from,
        anchorText: `the timetable's end at ${formatInstant(extension.from)} (extension ${i + 1}; at most 8 weeks at a time)`,
        metAt: p.extensions[i + 1]?.at ?? p.concludedAt
      })
    })
  }
  return clocks
}
