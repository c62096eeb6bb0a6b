import { type ChildDetails, clockTellsSpecialCategory, type Deadline, isOffenceLegalStatus, type LegalStatus, type LookedAfterPeriod, namesOffenceLegalStatus } from "@carepanel/core"

/**
 * The one place that decides which output fields the identity scope reveals. Every other reader of a request
 * (a non-integrator role) sees them all; an integrator whose token lacks the scope gets them withheld.
 *
 * - `identity`: who the child is, or who is close to them (names, date of birth, gender, addresses), what is told from
 *   the child's birth or death (the record's retention date, 75 years from the birth), the special categories of
 *   UK GDPR art. 9 (ethnic origin; health: disabled, special educational needs, health or SEN funding) and a parent's
 *   criminal record (art. 10: the conviction, its kind and its date), the child's immigration status and plan, and
 *   why the case comes to panel (its criteria name these): withheld as null, whatever the field's type (an enum, a
 *   `Boolean`, a list too). A parent's history is withheld as a whole list: its length alone tells that a parent has
 *   a conviction or was in care proceedings about a connected child.
 * - `identityWhen`: a value withheld as null only when it is art. 9 or 10 data, by an explicit predicate on the
 *   field's source (what the resolver reads), so the rest of the field stays open: a legal status that is an offence
 *   code (SSDA903 J1-J3: remand, detention under PACE, a sentence), and a clock whose explanation names one or which
 *   runs only where SEN or health funding fits (CPR-6). Integrations file by the other codes (C2, V2, E1...). A null
 *   where a value is always recorded (`LegalStatus.code`) still tells a reader that the value was withheld; it does
 *   not tell which offence code, nor when it began apart from the status's dates.
 * - `freeText`: anything staff write in words (request, reasons, rationale, notes, minutes, action text, dissent):
 *   written about a child, so it names them, and a withdrawn entry of the child's record told in words (it gives the
 *   entry's dates: a mistaken date of death among them). Withheld as {@link redactedText}, whether or not it holds text.
 *   Only String fields can be.
 * - `open`: every other String, JSON, Date, DateTime, enum, Boolean, Int or Float field, each judged not to identify a
 *   child nor to be art. 9 or 10 data (ids, codes, rule ids, staff names and roles, statuses and outcomes of panel
 *   business, counts, sums, dates of panel business). Refusals (types implementing `DomainError`) are open as a whole:
 *   they answer the caller's own command.
 *
 * test/security/freeTextRedaction.test.ts holds these lists to the schema: every String, JSON, Date, DateTime, enum,
 * Boolean, Int and Float output field must be in exactly one list, and docs/api.md's table is printed from it.
 */
export { redactedText } from "@carepanel/core"

type FieldsByType = Readonly<Record<string, ReadonlyArray<string>>>

export const identityFields: FieldsByType = {
  /**
   * Gender narrows who the child is; asylum seeking unaccompanied is their immigration status; the plan (CP, CLA, ...)
   * tells whether the child is thought at risk of significant harm.
   */
  Child: [
    "fullName",
    "dateOfBirth",
    "gender",
    "homeAddress",
    "placementAddress",
    "carer",
    "ethnicity",
    "disabled",
    "specialEducationalNeeds",
    "unaccompaniedAsylumSeeking",
    "plan"
  ],
  ChildRecord: ["dateOfBirth", "diedOn", "retention"],
  ConnectedCarer: ["name"],
  /** Joint funding with SEN or health (CPR-6) tells the child's special educational needs or health. */
  Decision: ["sharedFunding"],
  HistoryEvent: ["data"],
  /** A death ends the period at the end of the day the child died (STAT-R33). */
  LookedAfterPeriod: ["endedAt"],
  /** A parent's criminal conviction (UK GDPR art. 10) or care proceedings about a connected child: which one, and when. */
  ParentalHistory: ["kind", "date"],
  Placement: ["s20ConsentSignedBy"],
  /**
   * Why the case comes to panel: a parent's convictions (art. 10), a disabled child (art. 9), a young person on the
   * cusp of custody, a child protection plan; and the rule under which it need not be (LIN-4: asylum seeking). A
   * parent's history whole: an entry at all is a conviction (art. 10) or care proceedings about a connected child.
   */
  Referral: ["presentationReasons", "criteria", "presentationOptional", "parentalHistory"]
}

/** A field withheld as null only `when` its source holds art. 9 or 10 data; `what` says which, for docs/api.md. */
export interface WithheldWhen<Source> {
  readonly when: (source: Source) => boolean
  readonly what: string
}

const offenceCode = "it is an offence code, J1-J3"

export const identityWhenFields: Readonly<Record<string, Readonly<Record<string, WithheldWhen<never>>>>> = {
  /** The request form's legal status is written in words: withheld when they name an offence code, its meaning or an offence (`namesOffenceLegalStatus`). */
  Child: { legalStatus: { what: "it names an offence code, J1-J3, its meaning, or an offence (bail, charged, convicted, YOT...)", when: (child: ChildDetails) => namesOffenceLegalStatus(child.legalStatus ?? "") } },
  /** Reached through `ChildRecord.legalStatus` and `legalStatuses`: the code and its meaning, not its dates. */
  LegalStatus: {
    code: { what: offenceCode, when: (status: LegalStatus) => isOffenceLegalStatus(status.code) },
    label: { what: offenceCode, when: (status: LegalStatus) => isOffenceLegalStatus(status.code) }
  },
  /** "legal status J1: remanded ...": how a period began, when an offence code began it. */
  LookedAfterPeriod: { how: { what: "an offence code, J1-J3, began the period", when: (period: LookedAfterPeriod) => period.route === "legal_status" && isOffenceLegalStatus(period.code) } },
  /** A looked-after review's clock names the code that began the period; CPR-6's template task names SEN or health funding. */
  Deadline: { explanation: { what: "it names an offence code or SEN or health funding", when: (deadline: Deadline) => clockTellsSpecialCategory(deadline) } }
}

export const freeTextFields: FieldsByType = {
  Action: ["description", "evidence", "outstandingReason"],
  AgendaEntry: ["summary"],
  AgendaItem: ["summary"],
  Amendment: ["whatChanged", "why"],
  Cancellation: ["reason"],
  ChildRecordWithdrawal: ["reason", "what"],
  Deadline: ["title"],
  Decision: ["rationale"],
  Disagreement: ["grounds", "areas", "withdrawnReason"],
  DisagreementOutcomeRecord: ["nextSteps", "rationale"],
  Document: ["title"],
  ExceptionalAccommodation: ["valueForMoney"],
  ForTheChair: ["because"],
  Highlights: ["presentation", "discussion"],
  LatePermission: ["reason"],
  LookedAfterPeriod: ["endReason"],
  Minutes: ["workingWell", "worries", "needsToHappen"],
  OutsidePanel: ["whyOutsidePanel", "timescales"],
  OutsidePanelRefusal: ["reason"],
  ParentalHistory: ["parent", "detail"],
  PlacementReconsidered: ["reasons"],
  PreProceedingsContinuation: ["reasons"],
  QuorumDecision: ["note"],
  Referral: [
    "request",
    "reason",
    "caseSummary",
    "currentSituation",
    "workingWell",
    "worries",
    "needsToChange",
    "workAlreadyDone",
    "proposedPlan",
    "expectedOutcome",
    "durationAndExit",
    "childWishes",
    "parentsViews",
    "closedReason"
  ],
  ReviewOutcome: ["outcome"],
  SeniorInput: ["input"],
  Visit: ["notSeenAloneReason"]
}

/**
 * Judged not to identify a child nor to be art. 9 or 10 data: dates of panel business (sittings, decisions, clocks,
 * orders, reviews), statuses, outcomes, roles, counts and sums among them. `Retention`, `Criterion`,
 * `OptionalPresentation` and `SharedFunding` are reached only through fields that are withheld. Documents (PanelDocument, DecisionSheetUpload) are rendered for the caller: docs/documents.md. */
export const openFields: FieldsByType = {
  ActedBy: ["personId", "name", "role"],
  Action: ["actionId", "decisionId", "referralId", "ownerName", "progress", "dueDate", "closedAt", "ownerRole", "fgcReferral"],
  AgendaEntry: ["referralId", "childIds", "kind"],
  AgendaItem: ["referralId", "childIds", "startsAt", "endsAt", "kind"],
  Agreed: ["accommodationWeeks", "placement", "legalPlanningMeeting", "preProceedings", "careProceedings"],
  Amendment: ["at"],
  Attendance: ["personId", "name", "seat", "standsInFor", "standsInForPersonId", "represents", "recordedAt", "membership", "status", "confirmedLate"],
  Authority: ["name", "policySource", "policy"],
  BasicTest: ["at", "wouldRefuseToSupportReturnHome", "wouldAskPoliceToUsePoliceProtection", "wouldSeekLegalAdviceToStartCareProceedings", "isRegulation24"],
  CalendarFeed: ["roles", "issuedAt", "revokedAt", "active", "rotations"],
  /** Attending school is neither a health fact nor who the child is; placement type is what a case system files by. */
  Child: ["caseNumber", "placementType", "planStarted", "engagingInEducation"],
  ChildRecord: ["childId"],
  ChildRecordWithdrawal: ["kind", "recordedAt", "at"],
  ComplexNeedsReferral: ["startedAt", "templateSentAt"],
  ConnectedCarer: ["relationship", "hasParentalResponsibility"],
  /** Reached only through `Referral.criteria`, which is withheld. */
  Criterion: ["ruleId", "level", "description", "explanation", "reason"],
  Deadline: ["aboutId", "aboutChildIds", "ruleId", "due", "metAt", "aboutKind", "state", "metLate"],
  DeadlineChange: ["previousState"],
  Decision: ["referralId", "childIds", "madeAt", "sittingId", "heardAt", "actionsCaseNoteAt", "returnWaivedAt", "requestTypes", "status", "outcome", "returnToPanelWithinWeeks"],
  DecisionRecorded: ["position"],
  DecisionSheetUpload: ["fileName", "pdfBase64", "sha256"],
  Disagreement: ["decisionId", "referralId", "sittingId", "ruleId", "route", "dissentsFromActionId", "memberAttendance", "recordedAt", "notedAt", "status"],
  DisagreementOutcomeRecord: ["at", "outcome"],
  Document: ["documentId", "kind"],
  EmergencyProtectionOrder: ["orderId", "madeAt", "endsAt", "at", "days", "inForce"],
  EmergencyProtectionOrderEnded: ["endedAt", "at", "outcome"],
  EmergencyProtectionOrderExtension: ["from", "endsAt", "extendedAt", "at", "days"],
  Escalation: ["at", "step"],
  ExceptionalAccommodation: ["kind", "weeklyCostPence"],
  FirstLookedAfterReview: ["heldAt", "at"],
  Funding: ["period", "budget", "amountPence", "months"],
  Hearing: ["decisionId", "sittingId", "at", "outcome"],
  HistoryEvent: ["type", "stream", "streamId", "recordedAt", "at", "hash", "version"],
  IndependentReviewOutcome: ["knownAt", "at", "carersApproved"],
  InputProblem: ["path", "message"],
  IroInformed: ["iroName", "at"],
  IssuedCalendarFeed: ["path"],
  LatePermission: ["sittingId"],
  LegalStatus: ["from", "at"],
  LookedAfterPeriod: ["periodId", "route", "placementId", "from"],
  LookedAfterReview: ["iroName", "heldAt", "at"],
  MissingItem: ["name", "label", "ruleId", "childId"],
  /** Reached only through `Referral.presentationOptional`, which is withheld. */
  OptionalPresentation: ["ruleId", "description"],
  OutsidePanel: ["ruleId", "confirmedCases", "placedAt", "lpmAt", "retrospectivePresentation", "s20TasksDone"],
  OutsidePanelOvertaken: ["decisionId", "sittingId", "heardAt", "atPanel"],
  OutsidePanelRefusal: ["at", "role"],
  PageInfo: ["startCursor", "endCursor", "hasNextPage", "hasPreviousPage"],
  Panel: ["name", "ruleId", "venue", "schedule", "startsAt", "endsAt", "chairRole", "slotMinutesMin", "slotMinutesMax"],
  PanelDocument: ["kind", "title", "subtitle", "watermark", "generatedAt", "html", "pdfBase64", "pdfPath", "htmlPath", "stage"],
  PanelSeat: ["seat", "role", "membership"],
  PendingAgreement: ["anyOf"],
  /** Police protection (Children Act s46) and s20 consent are a child's care status, not an offence. */
  Placement: ["childId", "s20ConsentWithdrawnAt", "policeProtectionSince", "endedAt", "status", "urgent", "underPoliceProtection", "s20Basis", "approvalStanding", "endedReason"],
  PlacementMade: ["placedAt"],
  PlacementPlan: ["preparedAt", "at"],
  PlacementReconsidered: ["at", "stillMostAppropriate"],
  PoliceProtectionEnded: ["endedAt", "at", "outcome"],
  PreProceedingsContinuation: ["reviewedAt", "weeks"],
  Proceedings: ["letterSentAt", "preProceedingsEndedAt", "issuedAt", "concludedAt"],
  ProceedingsExtension: ["from", "endsAt", "extendedAt", "weeks"],
  QueryDecisionsConnectionEdge: ["cursor"],
  QueryReferralsConnectionEdge: ["cursor"],
  QuorumDecision: ["at", "enough"],
  Recorded: ["at"],
  RecordedStep: ["at", "late"],
  /** What is asked (an NRPF or respite request among them), its cost and whether it is part of care proceedings: the panel's business, no art. 9 or 10 fact. */
  Referral: ["panelId", "teamId", "sittingId", "redirectedTo", "createdAt", "submittedAt", "readyAt", "status", "requestTypes", "annualCostPence", "partOfCareProceedings", "respiteOrFamilySupport", "acceptedLate"],
  Report: ["title", "data", "name"],
  ReportTable: ["name", "csvPath"],
  Retention: ["explanation", "keepUntil"],
  ReviewOutcome: ["date"],
  RuleStep: ["ruleId", "role"],
  RuleStepTaken: ["ruleId", "at", "role"],
  /** Secure accommodation under s25 is for the child's welfare, not a sentence. */
  SecureAccommodation: ["secretaryOfStateApprovedAt", "hoursUsedInLast28Days"],
  SecureAccommodationCourtAuthority: ["from", "until"],
  SecureAccommodationPeriod: ["periodId", "startedAt", "endedAt"],
  SeniorInput: ["name", "givenOn", "from"],
  /** Reached only through `Decision.sharedFunding`, which is withheld. */
  SharedFunding: ["description", "partners"],
  SignOffStep: ["ruleId", "roles", "bySittingChair"],
  Sitting: ["panelId", "date", "startsAt", "endsAt", "agendaPublishedAt", "papersSentAt"],
  SittingRecord: ["status", "uploadedChildIds", "draftSentAt", "finalAt"],
  Staff: ["personId", "name"],
  TemporaryApproval: ["startsAt", "originalExpiresAt", "expiresAt", "endsAt", "extendedByWeeks", "pendingReview"],
  Viewer: ["personId", "name", "roles", "identityGranted"],
  Visit: ["visitor", "visitedAt", "at", "seenAlone"],
  VoicedOnBehalf: ["memberSeat", "voicedBySeat", "ruleId"],
  WebhookDelivery: ["deliveryId", "sourceId", "eventType", "receivedAt", "updatedAt", "waitingFor", "code", "message", "outcome", "erasedAt"]
}
