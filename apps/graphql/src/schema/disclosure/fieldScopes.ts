/**
 * The one place that decides which output fields the identity scope reveals. Every other reader of a request
 * (a non-integrator role) sees them all; an integrator whose token lacks the scope gets them withheld.
 *
 * - `identity`: who the child is, or who is close to them (names, date of birth, addresses), what is told from
 *   the child's birth or death (the record's retention date, 75 years from the birth), the special categories of
 *   UK GDPR art. 9 (ethnic origin; health: disabled, special educational needs) and a parent's criminal record
 *   (art. 10: the conviction's date): withheld as null, whatever the field's type (a `Date`, a `Boolean` too).
 * - `freeText`: anything staff write in words (request, reasons, rationale, notes, minutes, action text, dissent):
 *   written about a child, so it names them, and a withdrawn entry of the child's record told in words (it gives the
 *   entry's dates: a mistaken date of death among them). Withheld as {@link redactedText}, whether or not it holds text.
 * - `open`: every other String, JSON, Date or DateTime field, each judged not to identify a child (ids, codes, rule
 *   ids, staff names, categories, dates as text, dates of panel business). Refusals (types implementing `DomainError`)
 *   are open as a whole: they answer the caller's own command.
 *
 * test/security/freeTextRedaction.test.ts holds this list to the schema: every String, JSON, Date and DateTime output field must
 * be in exactly one list, and docs/api.md's table is printed from it.
 */
export const redactedText = "[redacted: needs identity scope]"

type FieldsByType = Readonly<Record<string, ReadonlyArray<string>>>

export const identityFields: FieldsByType = {
  Child: ["fullName", "dateOfBirth", "homeAddress", "placementAddress", "carer", "ethnicity", "disabled", "specialEducationalNeeds"],
  ChildRecord: ["dateOfBirth", "diedOn", "retention"],
  ConnectedCarer: ["name"],
  HistoryEvent: ["data"],
  /** A death ends the period at the end of the day the child died (STAT-R33). */
  LookedAfterPeriod: ["endedAt"],
  /** The date of a parent's conviction (UK GDPR art. 10), or of care proceedings about a connected child. */
  ParentalHistory: ["date"],
  Placement: ["s20ConsentSignedBy"]
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
 * Judged not to identify a child: dates of panel business (sittings, decisions, clocks, orders, reviews) among them.
 * `Retention` is reached only through `ChildRecord.retention`, which is withheld. Documents (PanelDocument, DecisionSheetUpload) are rendered for the caller: docs/documents.md. */
export const openFields: FieldsByType = {
  ActedBy: ["personId", "name"],
  Action: ["actionId", "decisionId", "referralId", "ownerName", "progress", "dueDate", "closedAt"],
  AgendaEntry: ["referralId", "childIds"],
  AgendaItem: ["referralId", "childIds", "startsAt", "endsAt"],
  Amendment: ["at"],
  Attendance: ["personId", "name", "seat", "standsInFor", "standsInForPersonId", "represents", "recordedAt"],
  Authority: ["name", "policySource", "policy"],
  BasicTest: ["at"],
  CalendarFeed: ["roles", "issuedAt", "revokedAt"],
  Child: ["gender", "caseNumber", "legalStatus", "placementType", "planStarted"],
  ChildRecord: ["childId"],
  ChildRecordWithdrawal: ["kind", "recordedAt", "at"],
  ComplexNeedsReferral: ["startedAt", "templateSentAt"],
  ConnectedCarer: ["relationship"],
  Criterion: ["ruleId", "level", "description", "explanation"],
  Deadline: ["aboutId", "aboutChildIds", "ruleId", "explanation", "due", "metAt"],
  Decision: ["referralId", "childIds", "madeAt", "sittingId", "heardAt", "actionsCaseNoteAt", "returnWaivedAt"],
  DecisionRecorded: ["position"],
  DecisionSheetUpload: ["fileName", "pdfBase64", "sha256"],
  Disagreement: ["decisionId", "referralId", "sittingId", "ruleId", "route", "dissentsFromActionId", "memberAttendance", "recordedAt", "notedAt"],
  DisagreementOutcomeRecord: ["at"],
  Document: ["documentId"],
  EmergencyProtectionOrder: ["orderId", "madeAt", "endsAt", "at"],
  EmergencyProtectionOrderEnded: ["endedAt", "at"],
  EmergencyProtectionOrderExtension: ["from", "endsAt", "extendedAt", "at"],
  Escalation: ["at"],
  FirstLookedAfterReview: ["heldAt", "at"],
  Funding: ["period", "budget"],
  Hearing: ["decisionId", "sittingId", "at"],
  HistoryEvent: ["type", "stream", "streamId", "recordedAt", "at", "hash"],
  IndependentReviewOutcome: ["knownAt", "at"],
  InputProblem: ["path", "message"],
  IroInformed: ["iroName", "at"],
  IssuedCalendarFeed: ["path"],
  LatePermission: ["sittingId"],
  LegalStatus: ["code", "label", "from", "at"],
  LookedAfterPeriod: ["periodId", "route", "how", "placementId", "from"],
  LookedAfterReview: ["iroName", "heldAt", "at"],
  MissingItem: ["name", "label", "ruleId", "childId"],
  OptionalPresentation: ["ruleId", "description"],
  OutsidePanel: ["ruleId", "confirmedCases", "placedAt", "lpmAt"],
  OutsidePanelOvertaken: ["decisionId", "sittingId", "heardAt"],
  OutsidePanelRefusal: ["at"],
  PageInfo: ["startCursor", "endCursor"],
  Panel: ["name", "ruleId", "venue", "schedule", "startsAt", "endsAt"],
  PanelDocument: ["kind", "title", "subtitle", "watermark", "generatedAt", "html", "pdfBase64", "pdfPath", "htmlPath"],
  PanelSeat: ["seat"],
  Placement: ["childId", "s20ConsentWithdrawnAt", "policeProtectionSince", "endedAt"],
  PlacementMade: ["placedAt"],
  PlacementPlan: ["preparedAt", "at"],
  PlacementReconsidered: ["at"],
  PoliceProtectionEnded: ["endedAt", "at"],
  PreProceedingsContinuation: ["reviewedAt"],
  Proceedings: ["letterSentAt", "preProceedingsEndedAt", "issuedAt", "concludedAt"],
  ProceedingsExtension: ["from", "endsAt", "extendedAt"],
  QueryDecisionsConnectionEdge: ["cursor"],
  QueryReferralsConnectionEdge: ["cursor"],
  QuorumDecision: ["at"],
  Recorded: ["at"],
  RecordedStep: ["at"],
  Referral: ["panelId", "teamId", "sittingId", "redirectedTo", "createdAt", "submittedAt", "readyAt"],
  Report: ["title", "data"],
  ReportTable: ["name", "csvPath"],
  Retention: ["explanation", "keepUntil"],
  ReviewOutcome: ["date"],
  RuleStep: ["ruleId"],
  RuleStepTaken: ["ruleId", "at"],
  SecureAccommodation: ["secretaryOfStateApprovedAt"],
  SecureAccommodationCourtAuthority: ["from", "until"],
  SecureAccommodationPeriod: ["periodId", "startedAt", "endedAt"],
  SeniorInput: ["name", "givenOn"],
  SharedFunding: ["description"],
  SignOffStep: ["ruleId"],
  Sitting: ["panelId", "date", "startsAt", "endsAt", "agendaPublishedAt", "papersSentAt"],
  SittingRecord: ["status", "uploadedChildIds", "draftSentAt", "finalAt"],
  Staff: ["personId", "name"],
  TemporaryApproval: ["startsAt", "originalExpiresAt", "expiresAt", "endsAt"],
  Viewer: ["personId", "name"],
  Visit: ["visitor", "visitedAt", "at"],
  VoicedOnBehalf: ["memberSeat", "voicedBySeat", "ruleId"],
  WebhookDelivery: ["deliveryId", "sourceId", "eventType", "receivedAt", "updatedAt", "waitingFor", "code", "message"]
}
