/**
 * Carepanel's own defaults: values and checks the terms of reference do not state (`shared/docs/rules.md`, "Citing
 * honestly"). Each carries its own `DEF-` id so that a decision sheet or deadline explanation never credits a seed with
 * something it does not say; each names the policy field through which an authority replaces or removes it.
 */
export const localDefaults = {
  "DEF-PROGRESSION-WITHDRAWAL": {
    rule: "A request that progresses to panel automatically is withdrawn only by a manager, with the reason recorded.",
    why: "SUP-3 says such cases go to panel and is silent on withdrawing them; a manager's recorded reason keeps a case that must be heard from being dropped quietly.",
    policyField: "referral.automaticProgression.withdrawal"
  },
  "DEF-R24-CONSENT-NEXT-WD": {
    rule: "The Assistant Director consents to looked-after status by 17:00 on the working day after the basic test says Regulation 24 (LIN-14).",
    why: "LIN-14 requires the consent and sets no time; the child is already living with the connected persons, so it cannot wait longer than the next working day.",
    policyField: "regulation24.lookedAfterConsent"
  },
  "DEF-SCOPE-FROM-PURPOSE": {
    rule: "Where the terms of reference state the panel's purpose but list neither the requests it decides nor the reasons a case comes to it, the policy reads both from that purpose (Knowsley's \"Purpose of the Panel\": resources to avoid a child becoming looked after, plans not progressing).",
    why: "Knowsley's terms of reference give the Circle of Support Group's purpose in bullets and no list of requests or criteria; KNO-3 is only the edge-of-care services' report of their capacity, so citing it would credit the terms of reference with a list they do not have. A Legal Planning Meeting keeps KNO-5, which does say the child is discussed here first.",
    policyField: "referral.criteria, referral.inScope"
  },
  "DEF-LATE-PERMISSION": {
    rule: "The chair (or a deputy) may let a request that missed the submission deadline onto the agenda.",
    why: "Only Care Planning's terms of reference name a late route (CPR-4); the others are silent, Lincolnshire's says the request MUST arrive by the deadline and North Somerset's that late forms may not be considered, so a chair letting one on is Carepanel's default, which a panel administrator expects. An empty list of roles means late requests wait for the next sitting.",
    policyField: "referral.latePermission"
  },
  "DEF-QUORUM-CHAIR-DECIDES": {
    rule: "No quorum is set: the chair decides whether enough members are present.",
    why: "The terms of reference set no quorum; without a number the chair's judgement is the only safe rule.",
    policyField: "panels[].quorum"
  },
  "DEF-QUORUM-MINIMUM": {
    rule: "A minimum number of members set by the authority's policy: the chair cannot record that enough members are present until the members present and the deputies standing in for members away reach it.",
    why: "None of the terms of reference sets a number of members; an authority that wants one sets it in its policy, and Carepanel counts each seat once (a member present, or a member away with a deputy), never an observer.",
    policyField: "panels[].quorum"
  },
  "DEF-SLOT-MINUTES": {
    rule: "Each child gets an agenda slot of the policy's minimum to maximum minutes.",
    why: "The terms of reference give no slot length; 20-30 minutes suits a consultation.",
    policyField: "panels[].slotMinutes"
  },
  "DEF-OBSERVERS-CHAIR-AGREES": {
    rule: "An observer attends only with the chair's agreement.",
    why: "The terms of reference do not mention observers; the chair controls who is in the room where children's records are discussed.",
    policyField: "panels[].observersNeedChairAgreement, panels[].observersRuleId"
  },
  "DEF-DEPUTY-NAMES-SEAT": {
    rule: "A deputy says which member they stand in for.",
    why: "The terms of reference do not describe deputies for members; the record must show whose seat was covered.",
    policyField: "panels[].deputiesRuleId"
  },
  "DEF-NEXT-WORKING-DAY-BEFORE": {
    rule: "When the day a clock names before a sitting is not a working day, it falls at the same time on the next working day before the sitting (NSO-3's Monday papers on a bank holiday go on Tuesday).",
    why: "NSO-3 names Monday and is silent on bank holidays; going back to Friday would fall due at the same minute as the request deadline, before the papers can be put together.",
    policyField: "sitting.papersToMembers.clock.ifClosed"
  },
  "DEF-CHAIR-SIGNS": {
    rule: "The person who chaired the sitting signs each decision off before it is final; if they cannot, a deputy the panel names to chair in the chair's absence signs it off for them, with the reason recorded.",
    why: "The terms of reference do not say who signs a decision off; the person who chaired is the one who can vouch for it, and a chair who has left or is long-term sick must not leave the decision unfinished for ever.",
    policyField: "decision.signOff"
  },
  "DEF-RECORD-TIMESCALES": {
    rule: "A due date the panel sets for an action, or a date to return to panel, runs as a clock.",
    why: "The terms of reference do not set timescales for actions or reviews; a date the panel recorded is still a date someone must meet.",
    policyField: "decision.timescalesRuleId"
  },
  "DEF-OUTSIDE-PANEL": {
    rule: "Outside a sitting, the chair or a deputy may agree an urgent request; the panel hears it at the next sitting.",
    why: "The terms of reference bring emergencies to panel but say nothing of agreeing them between sittings.",
    policyField: "outsidePanel"
  },
  "DEF-OUTSIDE-PANEL-RECORD": {
    rule: "An agreement outside panel records why it could not wait for panel, its timescales, and the actions expected with their timescales; each action's date runs as a clock.",
    why: "Only Lincolnshire's procedure (LIN-11) says what an agreement outside panel records; the other terms of reference are silent, and a decision that may be read in court must say why it was not made at panel and what is to happen by when.",
    policyField: "outsidePanel.recordRuleId"
  },
  "DEF-RETROSPECTIVE-SLOT": {
    rule: "A decision agreed outside panel is presented at the first sitting after the agreement.",
    why: "The terms of reference are silent on presenting it afterwards; a retrospective slot keeps the panel's oversight.",
    policyField: "outsidePanel.retrospectivePresentation, outsidePanel.retrospectiveRuleId"
  },
  "DEF-DISAGREEMENT-ROUTE": {
    rule: "A member who cannot agree raises it with their own manager, who escalates it to the Assistant Director.",
    why: "These terms of reference have no disagreement route; this is the common route in English authorities.",
    policyField: "disagreement.ruleId, disagreement.route"
  },
  "DEF-DISSENT": {
    rule: "A member who took part in the sitting may record a formal dissent from its decision.",
    why: "These terms of reference do not mention dissent; a member's disagreement must still be on the record.",
    policyField: "disagreement.dissentRuleId"
  },
  "DEF-DISAGREEMENT-AD-TAKES-UP": {
    rule: "On the route through the member's own manager, an Assistant Director may take the disagreement up from that manager.",
    why: "The route names one manager; if they have left or are away, the disagreement could go no further while its outcome fell overdue.",
    policyField: "disagreement.route"
  },
  "DEF-DISAGREEMENT-NOTE-NEXT-WD": {
    rule: "The areas of disagreement are noted by 17:00 on the next working day after the dissent is recorded.",
    why: "The terms of reference say the areas are noted at panel but give no time; the next working day leaves the morning after a late sitting for writing them up.",
    policyField: "disagreement.noteAreasWithin"
  },
  "DEF-DISAGREEMENT-10WD": {
    rule: "A disagreement's outcome is due within 10 working days of the areas being noted.",
    why: "No terms of reference give the escalation a time limit; without one a disagreement never falls overdue.",
    policyField: "disagreement.resolveWithin"
  },
  "DEF-DISAGREEMENT-5WD": {
    rule: "The chair and the Assistant Director agree an outcome within 5 working days of the areas being noted.",
    why: "The procedure gives no time limit; the chair escalating directly needs less time than a route through a member's manager.",
    policyField: "disagreement.resolveWithin"
  },
  "DEF-R24-PROCEDURE": {
    rule: "When a child lives with family or connected persons, Carepanel runs the steps of a connected-person placement: the basic test with the Assistant Director's consent to looked-after status, acting at once under police protection, the viability assessment, the service manager's authorisation and the referral to the kinship team.",
    why: "These terms of reference say nothing of connected-person placements, and regulation 24 does not set these steps; they keep the placement lawful and its assessment moving, as Lincolnshire's procedure does.",
    policyField: "regulation24.steps"
  },
  "DEF-R24-EXPIRY-WARNING": {
    rule: "A warning falls the policy's number of days (14 in the presets) before a temporary approval or its extension ends.",
    why: "Regulation 24 sets the end, not a warning; two weeks is long enough to arrange a fostering panel, an extension or a move.",
    policyField: "regulation24.warnDaysBeforeExpiry"
  },
  "DEF-R25-NOMINATED-OFFICER": {
    rule: "Until the policy names its nominated officer for regulation 25 (STAT-R25-3), whoever holds a head of service or Assistant Director post is taken to be it.",
    why: "The regulation requires a nominated officer but each authority names its own; those posts are where the decision usually sits.",
    policyField: "regulation24.nominatedOfficer"
  },
  "DEF-CNP-TEMPLATE-2WD": {
    rule: "The panel administrator emails the Complex Needs Panel referral template to the social worker by 17:00 on the second working day after the decision finding that shared funding fits is final (CPR-6).",
    why: "CPR-6 names the task and sets no time; two working days keeps it within the week, so the social worker can complete the template with SEN and health colleagues before the next sitting.",
    policyField: "decision.complexNeedsReferral.templateToSocialWorker"
  },
  "DEF-EPO-PLAN-BEFORE-LAPSE": {
    rule: "Where the panel takes EPO plans retrospectively (NSO-10) and its next sitting falls after the order lapses, a warning falls due when the order lapses: bring the plan to an extra sitting before then.",
    why: "NSO-10 says EPO plans are authorised retrospectively and sets no time; a warning at the lapse keeps the panel from first seeing the plan once the order is over.",
    policyField: "outsidePanel.retrospectivePresentation"
  },
  "DEF-S46-WARN-48H": {
    rule: "A warning 48 hours after police protection began, 24 hours before its 72-hour limit (STAT-S46), to the team manager, head of service and nominated officer.",
    why: "The statute sets the 72-hour limit, not a warning; a day's notice leaves time to arrange the child's return, s20 with consent, or an order.",
    policyField: "statutoryWarnings.policeProtection"
  },
  "DEF-S25-WARN-48H": {
    rule: "A warning when 48 of the 72 hours a child may spend in secure accommodation in 28 days without a court's authority are used (STAT-S25).",
    why: "The regulations set the 72-hour limit, not a warning; a day's notice leaves time to apply to the court or plan the child's move.",
    policyField: "statutoryWarnings.secureAccommodation"
  }
} as const satisfies Record<`DEF-${string}`, { readonly rule: string; readonly why: string; readonly policyField: string }>

export type LocalDefaultId = keyof typeof localDefaults

export const isLocalDefault = (id: string): id is LocalDefaultId => id in localDefaults

export const localDefaultNote = "Carepanel default, not in the terms of reference; set by the authority's policy"

/** The catalogue text of a local default: what it does, and that it is Carepanel's choice, not the seed's. */
export const localDefaultTexts = Object.fromEntries(
  Object.entries(localDefaults).map(([id, entry]) => [id, `${entry.rule} ${localDefaultNote} (${entry.policyField}).`])
) as { readonly [K in LocalDefaultId]: string }
