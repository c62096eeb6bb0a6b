import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import type { ReferralCommand, SittingFacts } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralEvent } from "../../src/referral/ReferralEvents.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { DocumentId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"

type Slug = Parameters<typeof contextOf>[0]
type Staff = ReturnType<typeof staffOf>

export const referralId = ReferralId.make("ref_1")

/** A sitting as the use case reads it from the sitting's record. */
export const sittingOn = (id: string, panelId: string, date: string, time: string, extra: Partial<SittingFacts> = {}): SittingFacts => ({
  id: SittingId.make(id),
  panelId: PanelId.make(panelId),
  date: date as LocalDate,
  startsAt: london(date, time),
  ...extra
})

/** given/when for one preset's referral decider (or a policy built on it), with that authority's fictional staff. */
export const referralsAt = (slug: Slug, panelId: string, policy: AuthorityPolicy = preset(slug)) => {
  const spec = deciderSpec(referralDecider, { ...contextOf(slug), policy })
  const staff = staffOf(slug)
  const cmd = (actor: keyof Staff, body: Record<string, unknown>, when = london("2027-06-01", "09:00")) =>
    ({ ...body, by: as(staff[actor]), at: when }) as ReferralCommand
  const then = (history: ReadonlyArray<ReferralEvent>, command: ReferralCommand) => [...history, ...spec.given(history).when(command).events()]
  /** A draft with the papers recorded against it. */
  const draft = (overrides: Partial<ReferralForm>, documents: ReadonlyArray<DocumentKind>) =>
    spec.play([
      cmd("socialWorker", { _tag: "CreateDraft", referralId, form: completeForm(panelId, overrides) }),
      ...documents.map((kind, i) =>
        cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(`doc-${i}`), kind, title: kind } })
      )
    ])
  return { spec, staff, cmd, then, draft }
}
