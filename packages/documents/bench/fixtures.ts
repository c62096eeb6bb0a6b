import {
  ChildId,
  type Decision,
  type DecisionId,
  type DocumentReader,
  type MinutesInputs,
  type CourtBundleInputs,
  preset,
  type Referral,
  type ReferralId,
  Referrals,
  type StoredEvent
} from "@carepanel/core"
import { inMemoryCore, playWeek, staffOf } from "@carepanel/core/testing"
import { canonicalJson, eventHash, type SigningKey } from "@carepanel/store-sql"
import { benchSeal } from "./benchSeal.js"
import { DateTime, Effect, TestContext } from "effect"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const reader: DocumentReader = { actor: staff.chair, role: "panel_chair", identityGranted: false }

/** A played week's sitting, its three items repeated to `items` (each its own request, child and decision). */
export const minutesInputs = (items: number): Promise<MinutesInputs> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const requests = yield* Referrals
      const referrals = yield* Effect.forEach(week.decisions, (decision) => requests.get(staff.administrator, decision.subject.referralId))
      const copy = (n: number) => {
        const source = n % week.sitting.agenda.length
        const referralId = `ref-bench-${n}` as ReferralId
        const childId = ChildId.make(`child-bench-${n}`)
        const item = { ...week.sitting.agenda[source]!, referralId, childIds: [childId] }
        const decision: Decision = { ...week.decisions[source]!, id: `dec-bench-${n}` as DecisionId, subject: { ...week.decisions[source]!.subject, referralId, childIds: [childId] } }
        const base = referrals[source]!
        const referral: Referral = { ...base, id: referralId, form: { ...base.form, children: [{ ...base.form.children[0]!, childId, fullName: `Bench Child ${n}` }] } }
        return { item, decision, referral }
      }
      const copies = Array.from({ length: items }, (_, n) => copy(n))
      return {
        authorityName: policy.authority.name,
        panelName: policy.panels[0].name,
        sitting: { ...week.sitting, agenda: copies.map((entry) => entry.item) },
        decisions: copies.map((entry) => entry.decision),
        disagreements: [],
        referrals: copies.map((entry) => entry.referral),
        deadlines: week.openAtEnd,
        policy,
        reader,
        at: week.sitting.endsAt
      } satisfies MinutesInputs
    }).pipe(Effect.provide(inMemoryCore(policy)), Effect.provide(TestContext.TestContext))
  )

/**
 * Five years of one child's records: a request and a decision every month (60 of each), each decision with its
 * sign-off and two actions completed, each request through its six steps: 600 events with real chained hashes.
 */
export const fiveYearBundle = (minutes: MinutesInputs, key: SigningKey): CourtBundleInputs => {
  const childId = "child-bench-0"
  const [referral] = minutes.referrals
  const [decision] = minutes.decisions
  const start = DateTime.unsafeMake("2022-04-01T09:00:00Z")
  const events: StoredEvent[] = []
  const referrals: Referral[] = []
  const decisions: Decision[] = []
  let position = 0
  const stream = (streamType: string, id: string, types: ReadonlyArray<string>, at: DateTime.Utc) => {
    let hash = ""
    types.forEach((type, i) => {
      const recordedAt = DateTime.formatIso(DateTime.add(at, { hours: i }))
      const data = { by: { personId: staff.administrator.personId, name: staff.administrator.name, role: "panel_administrator" }, at: recordedAt, note: `${type} ${i}` }
      const streamId = `${policy.authority.id}/${streamType}/${id}`
      hash = eventHash(hash, { streamId, version: i + 1, type, data: canonicalJson(data), recordedAt })
      events.push({ stream: { authorityId: policy.authority.id as never, streamType, id }, version: i + 1, position: ++position, type, data, recordedAt, hash })
    })
  }
  for (let month = 0; month < 60; month++) {
    const at = DateTime.add(start, { days: month * 30 })
    const referralId = `ref-5y-${month}` as ReferralId
    referrals.push({ ...referral!, id: referralId, submittedAt: at })
    decisions.push({ ...decision!, id: `dec-5y-${month}` as DecisionId, heardAt: DateTime.add(at, { days: 7 }), subject: { ...decision!.subject, referralId, childIds: [childId as never] } })
    stream("referral", referralId, ["ReferralDrafted", "DocumentRecorded", "ReferralSubmitted", "ReferralApproved", "AcceptedOntoSitting", "HearingRecorded"], at)
    stream("decision", `dec-5y-${month}`, ["DecisionRecorded", "DecisionSignedOff", "ActionCompleted", "ActionCompleted"], DateTime.add(at, { days: 7 }))
  }
  return { authorityName: policy.authority.name, childId, referrals, decisions, disagreements: [], placements: [], childRecord: undefined, deadlines: minutes.deadlines, events, seal: benchSeal(key, policy.authority.id, childId, events, DateTime.formatIso(DateTime.add(start, { days: 1830 }))), policy, reader: { ...reader, actor: staff.assistantDirector, role: "assistant_director" }, at: DateTime.add(start, { days: 1830 }) }
}
