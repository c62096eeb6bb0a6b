/**
 * Writes a fixture of every event type of every aggregate to `test/events/fixtures/`, once: a fixture that exists is
 * never rewritten, because it stands for events already stored by an earlier version. Most come from a played case
 * (a week, a dissent, s20 outside panel, a Regulation 24 placement); the rest are built from played events' data.
 * Run it after adding an event type: `npm run -w @carepanel/core event-fixtures`.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { Effect, TestContext } from "effect"
import type { LocalDate } from "../src/calendar/LocalDate.js"
import { Disagreements } from "../src/disagreement/Disagreements.js"
import { preset } from "../src/policy/authorities/index.js"
import { EventStore, type StoredEvent } from "../src/ports/EventStore.js"
import { Sittings } from "../src/sitting/Sittings.js"
import { staffOf } from "../src/testing/actors.js"
import { inMemoryCore, playWeek } from "../src/testing/playWeek.js"
import { eventSchemas, eventTypesOf, fixturePath } from "../test/events/eventTypes.js"
import { playRegulation24, playS20OutsidePanel } from "../test/scenario/regulation24Case.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)

const play = Effect.gen(function* () {
  const week = yield* playWeek(policy)
  const decision = week.decisions[0]!
  yield* (yield* Sittings).recordAttendance(staff.administrator, week.sitting.id, {
    personId: staff.member.personId, name: staff.member.name, seat: "Member", membership: "standing", status: "present"
  })
  const disagreements = yield* Disagreements
  const dissent = yield* disagreements.recordDissent(staff.member, {
    decisionId: decision.id, referralId: decision.subject.referralId, sittingId: week.sitting.id,
    member: { personId: staff.member.personId, name: staff.member.name }, dissentsFrom: { _tag: "Decision" },
    grounds: "The family network has not been explored"
  })
  yield* disagreements.noteAreas(staff.chair, dissent.id, ["Whether kinship care was fully explored"])
  const ad = { personId: staff.assistantDirector.personId, name: staff.assistantDirector.name }
  yield* disagreements.escalate(staff.chair, dissent.id, "assistant_director", ad)
  yield* disagreements.recordOutcome(staff.assistantDirector, dissent.id, { outcome: "upheld", rationale: "Kinship options were explored at the FGC" })
  yield* playS20OutsidePanel(policy, week.sitting.panelId, "2027-07-01" as LocalDate)
  yield* playRegulation24(policy)
  return yield* (yield* EventStore).readAll({ after: 0, limit: Number.MAX_SAFE_INTEGER })
})

type Data = Record<string, unknown>

/** Events no played case produces, made from the data of played ones (encoded, as stored). */
const built = (first: (streamType: string, type: string) => Data): Record<string, Record<string, Data>> => {
  const audit = { by: first("decision", "DecisionRecorded").by, at: first("decision", "DecisionRecorded").at }
  const recorded = first("decision", "DecisionRecorded")
  const content = recorded.content as { actions: ReadonlyArray<{ actionId: string }> }
  const actionId = content.actions[0]!.actionId
  const chair = { personId: staff.chair.personId, name: staff.chair.name, role: "panel_chair" }
  return {
    referral: {
      DraftEdited: { form: first("referral", "DraftCreated").form, ...audit },
      ReturnedForChanges: { reason: "The chronology stops in March: please bring it up to date", ...audit },
      ReferralWithdrawn: { reason: "The family has moved to another authority", ...audit },
      ReferralRedirected: { ruleId: "LIN-4", reason: "Agreed by the head of service; need not be presented", ...audit },
      HearingRevised: { decisionId: first("referral", "ReferralHeard").decisionId, outcome: "decline", ...audit },
      LeftCancelledSitting: { sittingId: first("referral", "AcceptedOntoSitting").sittingId, sittingDate: first("referral", "AcceptedOntoSitting").sittingDate, ...audit }
    },
    sitting: {
      SittingCancelled: { reason: "The chair is unwell and no vice chair is free", ...audit },
      PapersSent: { ...audit }
    },
    decision: {
      DecisionEdited: { content, ...audit },
      DecisionAmended: { content, whatChanged: "The review date", why: "The family group conference moved", approvedBy: chair, ...audit },
      ActionCompleted: { actionId, evidence: "Done and recorded on the child's file", ...audit },
      ActionOutstanding: { actionId, reason: "The FGC coordinator is on leave until Monday", ...audit },
      ActionsCaseNoteRecorded: { note: "Support Panel Actions: all completed", ...audit },
      FgcReferralReceived: { actionId, ...audit },
      ChangeOfCircumstancesApproved: { circumstances: "Grandmother can no longer help", alternativeAction: "Daily visits by the family support worker", ...audit },
      OutsidePanelAgreementRefused: { role: "assistant_director", reason: "Kinship care with the aunt has not been explored", ...audit },
      ReturnWaived: { caseNote: "The child is settled; the chair agreed no return to panel", ...audit },
      ComplexNeedsReferralStarted: { ruleId: "CPR-6", sharedFunding: { partners: ["sen", "health"] }, ...audit },
      ComplexNeedsTemplateSent: { note: "Emailed to the social worker with the SEN and health contacts", ...audit },
      LaterHearingNoted: { hearing: { decisionId: "dec_later", heardAt: audit.at, atPanel: true, reviewOf: ["pre_proceedings"] }, ...audit },
      PreProceedingsOverNoted: { overAt: audit.at, how: "ended", ...audit }
    },
    disagreement: { DissentWithdrawn: { reason: "The member is satisfied with the FGC plan", ...audit } },
    placement: {
      PolicePowersRecorded: { underPoliceProtection: true, since: audit.at, ...audit },
      S20AccommodationRecorded: {
        consents: [{ name: "Dana Harrow", relationship: "mother", consentGivenAt: audit.at, consentGivenTo: "Priya Ashdown, social worker", toldOfRightToObjectAndRemove: true }],
        childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her aunt and see her mother at weekends" },
        ...audit
      },
      S20ConsentWithdrawn: { withdrawnBy: "Dana Harrow (mother)", ...audit },
      PlacementReconsidered: { stillMostAppropriate: true, reasons: "Settled with her aunt; the full assessment needs six more weeks", ...audit },
      FosteringPanelViewsSought: { ...audit },
      IroInformed: { iroName: "Nadia Quarrie", ...audit },
      PoliceProtectionEnded: { outcome: "emergency_protection_order", endedAt: audit.at, ...audit },
      S20ConsentSigned: { signedBy: ["Dana Harrow (mother)"], ...audit },
      ApprovalExtendedPendingReview: { ...audit },
      IndependentReviewOutcomeRecorded: { carersApproved: false, knownAt: audit.at, ...audit },
      VisitRecorded: { visitedAt: audit.at, visitor: "Priya Ashdown", seenAlone: false, notSeenAloneReason: "She asked for her aunt to stay in the room", ...audit },
      PlacementPlanRecorded: { preparedAt: audit.at, ...audit },
      FirstReviewRecorded: { heldAt: audit.at, ...audit }
    },
    "child-record": {
      ChildRecordOpened: { childId: "child-fixture-1", authorityId: staff.socialWorker.authorityId, ...audit },
      EmergencyProtectionOrderMade: { orderId: "epo-1", madeAt: audit.at, days: 8, endsAt: audit.at, ...audit },
      EmergencyProtectionOrderExtended: { orderId: "epo-1", days: 7, from: audit.at, endsAt: audit.at, ...audit },
      EmergencyProtectionOrderEnded: { orderId: "epo-1", outcome: "interim_care_order", endedAt: audit.at, ...audit },
      DateOfBirthRecorded: { dateOfBirth: "2012-05-01", ...audit },
      SecureAccommodationStarted: { periodId: "secure-1", startedAt: audit.at, ...audit },
      SecureAccommodationEnded: { periodId: "secure-1", endedAt: audit.at, ...audit },
      SecureAccommodationAuthorisedByCourt: { from: audit.at, until: audit.at, ...audit },
      SecretaryOfStateApprovalRecorded: { approvedAt: audit.at, ...audit },
      LetterBeforeProceedingsSent: { sentAt: audit.at, ...audit },
      PreProceedingsContinued: { reviewedAt: audit.at, weeks: 6, reasons: "The mother has started a residential assessment that ends in six weeks", ...audit },
      PreProceedingsEnded: { endedAt: audit.at, ...audit },
      ProceedingsIssued: { issuedAt: audit.at, ...audit },
      ProceedingsExtended: { weeks: 8, from: audit.at, endsAt: audit.at, ...audit },
      ProceedingsConcluded: { concludedAt: audit.at, ...audit },
      ChildDeathRecorded: { diedOn: "2027-02-10", ...audit },
      LegalStatusChanged: { code: "C1", from: audit.at, ...audit },
      LookedAfterEnded: { periodId: "la-1", endedAt: audit.at, reason: "returned home to her mother", ...audit },
      LookedAfterReviewHeld: { periodId: "la-1", heldAt: audit.at, iroName: "Imogen Reyes", ...audit },
      ChildRecordEntryWithdrawn: { entry: { kind: "death", diedOn: "2027-02-10" }, recordedAt: audit.at, reason: "Recorded against the wrong child", ...audit }
    }
  }
}

const main = Effect.gen(function* () {
  const events: ReadonlyArray<StoredEvent> = yield* play.pipe(Effect.provide(inMemoryCore(policy)))
  const firstOf = (streamType: string, type: string) => events.find((event) => event.stream.streamType === streamType && event.type === type)
  const first = (streamType: string, type: string) => {
    const event = firstOf(streamType, type)
    if (event === undefined) throw new Error(`No played ${streamType} event ${type}`)
    return event.data as Data
  }
  const examples = built(first)
  for (const { streamType, schema } of eventSchemas) {
    for (const type of eventTypesOf(schema)) {
      const path = fixturePath(streamType, type)
      if (existsSync(path)) continue
      const data = firstOf(streamType, type)?.data ?? (examples[streamType]?.[type] && { _tag: type, ...examples[streamType][type] })
      if (data === undefined) {
        console.log(`no example of ${streamType} ${type}: add one to scripts/eventFixtures.ts`)
        process.exitCode = 1
        continue
      }
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, `${JSON.stringify({ type, data }, null, 2)}\n`)
      console.log(`wrote ${path}`)
    }
  }
})

Effect.runPromise(main.pipe(Effect.provide(TestContext.TestContext)))
