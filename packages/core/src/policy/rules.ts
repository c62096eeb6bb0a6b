import { Schema } from "effect"
import { notAnOwnRuleId } from "../shared/inputProblems.js"
import { localDefaultTexts } from "./localDefaults.js"

/** The rules the five seeds and national law state (`shared/docs/rules.md`, `shared/docs/domain-law.md`). */
export const seedRules = {
  "KNO-1": "Circle of Support sits face to face every 2 weeks; the year's dates are fixed in advance. Chair rotates among provision managers / senior practitioners.",
  "KNO-2": "Standing members attend every sitting; non-standing members read papers and attend if required or requested, confirming attendance to admin 3 days before the sitting. Observers need the chair's agreement. An absent member names a deputy or another member to represent them.",
  "KNO-3": "Edge-of-care services report their current capacity and resource allocation to the group; a monthly tracker reports demand, capacity and impact to the Edge of Care & Placement Panel.",
  "NSO-1": "Care and Resource Panel sits weekly, Wednesday 13:30-16:30, virtually. Chair: Assistant Director; three Heads of Service are deputies. No quorum: the chair decides whether enough members are present.",
  "CPR-1": "Care Planning & Resources Panel sits weekly, Wednesday, no earlier than 09:30 and no later than 13:00. Chair: Service Director; vice chair: Head of Care Services.",
  "CPR-2": "Each child gets a 15-20 minute slot on the agenda.",
  "CPR-3": "Member attendance is monitored; members arrange cover when absent.",
  "LIN-1": "Support Panel chair is a Service Manager independent of the case's line management.",
  "SUP-1": "Membership: chair, Head of Service for the area, Head of Service for looked-after children (or delegated team manager), locality team manager or principal practitioner, FGC manager, education, youth offending (as relevant to the case), administrator.",
  "KNO-4": "Before requesting, the social worker discusses the family with their team manager and that discussion is recorded.",
  "KNO-5": "A child must be discussed at Circle of Support before any Legal Planning Meeting is requested. An emergency LPM agreed by a service manager is allowed; the child is then presented at the next sitting after the LPM.",
  "KNO-6": "Referral form reaches admin 7 days before the sitting. Fields: child's full name, ICS number, date of birth, gender, status (EH, FF, CIN, CP, CLA), social worker, team manager, consultation date, SEN / EHCP (Y/N), engaging with and attending education (Y/N), reason, request, case summary, worries, what is working well, social worker and team manager signatures, date.",
  "SUP-2": "Present to panel: complex needs needing high support; worker cannot find resources; high risk needing detailed care planning; cusp of proceedings needing an LPM decision; child on a child protection plan for more than 18 months where harm remains (a default, not a limit); young person on the cusp of custody.",
  "SUP-3": "Automatic progression: where a parent or caregiver has criminal convictions or has been involved in care proceedings about any connected child (including removal of earlier children) by any local authority, the case goes to panel.",
  "SUP-4": "Written referral agreed by the team manager reaches the administrator 5 working days before the sitting, saying which resources are requested and why.",
  "SUP-5": "Paperwork: core assessment, updated care plan, referral form.",
  "NSO-2": "Referral is decided with the team manager and authorised by the Head of Service; the form is signed by (or sent from) the team manager. An assessment of need is complete before panel.",
  "NSO-3": "Deadline: 12:00 on the Friday before the Wednesday sitting. Papers go to members by midday Monday.",
  "NSO-4": "Attach: latest assessment and care plan, outcome of the last CiC / CIN / CP review where relevant, genogram. Consider SEN and liaise with the SEN worker first.",
  "NSO-5": "Form fields: date presented; earlier presentation date and outcome; for each child name, DOB, age, gender, child id, legal status, ethnicity, plan (FWB/CIN/CP/CIC); home and placement address; placement type and carer; EHC plan with issue and last review dates; what is requested; work already done; reason; current situation; going well; worries; what needs to change; expected achievement; how long the resource is needed and what then; social worker and team manager.",
  "NSO-6": "In scope: ensure FGC / edge of care / CAMHS are used; authorise s20 accommodation (planned or not); ratify pre-proceedings; authorise s31 applications; authorise s25 secure accommodation; authorise EPO plans retrospectively; agree placement type (child's wishes considered); change of a stable placement; external fostering and residential placements (incl. parent and child assessment); independent assessments; NRPF funding; expenditure over GBP 1,000 a year (GBP 2,000 for a disabled child).",
  "NSO-7": "Out of scope: respite / family support for disabled children unless part of care proceedings (separate panel); special guardianship and adoption support packages.",
  "CPR-4": "All template sections complete; the social worker coordinates input from the IRO and Head of Service. Deadline: 17:00 Monday for the Wednesday sitting. A late request needs the chair's or vice chair's permission.",
  "CPR-5": "In scope: new and emergency placements, planned placements, changes to or reviews of placements, exceptional accommodation (hotel, private rent); value for money across internal and external provision.",
  "CPR-6": "Where joint or tripartite funding with SEN and/or health fits, the administrator sends the Complex Needs Panel referral template to the social worker and notifies the Complex Needs Panel administrator of the child's name and case number.",
  "LIN-2": "Present to panel: an LPM, pre-proceedings or care proceedings is thought needed; the team thinks the child should be accommodated; parental criminal convictions or earlier care proceedings (as SUP-3); a disabled child whose high-cost care package needs ratifying.",
  "LIN-3": "Request records what is requested, why, and the proposed plan; approved by the team manager; reaches Safeguarding & Review by 12:00 on the Friday before the sitting, with: chronology, genogram / eco-map, assessment, direct work with the children, FGC plan, family safety plan, legal advice, Signs of Safety mapping, and anything else relevant.",
  "LIN-4": "Unaccompanied asylum-seeking children need not be presented.",
  "CPR-7": "Members may agree, contribute, challenge, support, and agree with or formally dissent from a decision.",
  "CPR-8": "Outcomes: approve, decline or defer. The chair tells the social worker and manager the decision, its rationale and recommended actions.",
  "CPR-9": "Agenda, with request forms and earlier records, goes to members by 12:00 Tuesday.",
  "CPR-10": "The record holds: highlights of the presentation and discussion, decisions, recommended actions, review dates. Review dates are diarised and brought onto future agendas.",
  "CPR-11": "Draft record to chair within 48 hours of the sitting; chair returns the final record within 48 hours; each child's record is uploaded to the case system within 24 hours; all before the next week's sitting at the latest.",
  "NSO-8": "The Assistant Director finalises decisions; they are uploaded to the child's file with a notification to the social worker and team manager. The chair signs each decision sheet after checking it. Records may be read in court and by a wide audience.",
  "NSO-9": "Children in pre-proceedings are reviewed by panel at 8-10 weeks.",
  "SUP-6": "Every decision and resource allocation is recorded; actions and discussion go to the social worker and team manager; the administrator keeps a file.",
  "LIN-5": "Minutes follow Signs of Safety: what's working well, what are we worried about, what needs to happen. \"What needs to happen\" holds recommendations with timescales: tasks, length of any agreed accommodation before return to panel, placement type (incl. Foster to Adopt), LPM, pre-proceedings, care proceedings, whether and when to return to panel.",
  "LIN-6": "At the end of each sitting the administrator emails all actions to each team manager; within 1 month the team manager adds a \"Support Panel Actions\" case note updating every action, with reasons for any outstanding.",
  "LIN-7": "A case asked to return does so within its timescale, unless progress makes it unnecessary: then a case note and an email update to Safeguarding & Review within the same timescale.",
  "LIN-8": "All decisions are carried out. A change of circumstances needs the locality service manager's approval for alternative action, recorded on case notes.",
  "LIN-9": "Where the decision is a Family Group Conference, the referral reaches the FGC service; if not received within 5 working days the FGC practice supervisor escalates to the team manager; if not received within 7 working days of the sitting, to the locality service manager.",
  "LIN-10": "Panel activity is reviewed annually.",
  "SUP-7": "Immediate significant harm, or immediate accommodation: urgent authorisation from the Head of Service to issue proceedings and/or commence an LPM.",
  "NSO-10": "Emergency decisions outside panel are agreed with the Head of Service and Assistant Director, and a panel slot is booked retrospectively. EPO plans are authorised retrospectively.",
  "LIN-11": "Urgent accommodation or legal proceedings, or tripartite funding for a disabled child in a 38-week educational placement, may be agreed by the locality service manager (the Assistant Director for accommodation), who records why outside panel, the agreement and its timescales, and expected actions with timescales. No retrospective presentation is needed.",
  "LIN-12": "Section 20 accommodation agreed outside panel: within 48 hours of the placement - a supervision (team manager, practice supervisor, social worker) recorded with reason, who agreed and for how long, what must happen for return home, trajectory and options; a letter to parents (not the final position, they keep parental responsibility); referrals to FGC and Early Help. The placement planning meeting focuses on return home within the agreed timescale.",
  "SUP-8": "Where members cannot agree the recommendations, the areas of disagreement are noted at panel; the member raises it with their own manager and asks for escalation to the Assistant Director.",
  "LIN-13": "Where members cannot agree, the areas of disagreement are noted at panel; the chair agrees an outcome with the Assistant Director.",
  "LIN-14": "Basic test, when a child lives with family or connected persons: if the parent wanted the child back, would you refuse to support it, ask the police to use police protection, or seek legal advice to start care proceedings? Any yes: it is a Regulation 24 placement and the child becomes looked after (Assistant Director's consent). Carers with parental responsibility are asked to sign s20 consent.",
  "LIN-15": "Action immediately, in particular when the child is under police protection.",
  "LIN-16": "Viability assessment written up before, or within 24 hours of, the placement. Carers recorded as connected-persons carers; viability workflow started and sent to the social worker.",
  "LIN-17": "Locality service manager receives the viability assessment and authorises the placement; it then goes to the kinship team.",
  "LIN-18": "Viability assessment and the carers' signed BACS form reach the kinship team within 48 hours of the placement.",
  "STAT-R24": "Temporary approval of a connected person lasts at most 16 weeks (regulation 24); regulation 25 allows one extension of up to 8 further weeks under conditions. See `domain-law.md` for the exact conditions and visits.",
  "STAT-R25-1": "The temporary approval may be extended once, by up to 8 weeks, if it is likely to expire before the full assessment finishes.",
  "STAT-R25-2": "If the full assessment ends in refusal and the person seeks an independent review, the approval may be extended until the review's outcome is known.",
  "STAT-R25-3": "Before extending, the authority must consider whether the placement is still the most appropriate, seek the fostering panel's views, and inform the child's Independent Reviewing Officer (IRO). A nominated officer must approve the extension.",
  "STAT-R25-4": "When the approval (and any extension) expires without approval as a foster carer, the authority must end the placement after arranging other accommodation.",
  "STAT-S20": "Children Act 1989 s20: accommodation provided by the authority with the agreement of those with parental responsibility, who keep it and may remove the child. Panels authorise planned and unplanned s20 (NSO-6, LIN-12).",
  "STAT-S46": "s46: police protection lasts at most 72 hours; the child is then returned, accommodated with the agreement of a person with parental responsibility (s20), or an order sought (EPO, interim care order). Placing the child with carers during police protection does not end it (SSDA903 code L1): the 72-hour clock is met only by one of those three outcomes, recorded with its time.",
  "STAT-S44": "s44: an Emergency Protection Order lasts up to 8 days, extendable once by up to 7 days. Panels authorise EPO plans retrospectively (NSO-6, NSO-10).",
  "STAT-S31": "s31: care orders and supervision orders. Care proceedings must finish within 26 weeks of issue (Children Act 1989 s32(1)(a)(ii), inserted by the Children and Families Act 2014 s14), extendable by the court by up to 8 weeks at a time.",
  "STAT-S25": "s25: secure accommodation orders (NSO-6). Without a court's authority a looked-after child may be kept in secure accommodation for at most 72 hours, whether or not consecutive, in any 28 consecutive days (Children (Secure Accommodation) Regulations 1991 reg 10); a child under 13 needs the Secretary of State's prior approval (reg 4).",
  "STAT-PLO": "Pre-proceedings under the Public Law Outline: a letter before proceedings and a pre-proceedings meeting with the parents; panels ratify entry and review progress (NSO-6, NSO-9: review at 8-10 weeks). A Legal Planning (or Legal Gateway) Meeting decides whether the threshold is met and which route to take. The Public Law Working Group's best-practice guidance expects pre-proceedings to last no more than 16 weeks from the letter, unless a review extends it with reasons (guidance, not statute: a warning, not a refusal).",
  "STAT-S20-CONSENT": "s20(7)-(8): the authority may not accommodate a child under s20 if a person with parental responsibility, willing and able to care for the child, objects; any person with parental responsibility may remove the child at any time. Consent must be informed and recorded (Williams v Hackney [2018] UKSC 37): who gave it, when, that they were told of their right to object and to remove; and the child's wishes and feelings are ascertained and considered (s20(6), s22(4)-(5)).",
  "STAT-R28": "Visits (reg 28): the authority's representative visits the child within one week of the start of any placement, then at intervals of not more than 6 weeks in the first year. For a reg 24 placement (and a child living with a parent under an interim care order), at least once a week until the first review, then at intervals of not more than 4 weeks (reg 28(4)).",
  "STAT-R33": "Looked-after reviews (reg 33): the first within 20 working days of the date the child becomes looked after, the second not more than 3 months after the first, then at intervals of not more than 6 months; earlier if the IRO asks. No significant change to the care plan without a review (reg 32(2)).",
  "STAT-R9": "Placement plan (reg 9): prepared before the placement or, where that is not reasonably practicable, within 5 working days of its start.",
  "STAT-R50": "A looked-after child's case record is kept until the 75th birthday, or for 15 years after death if the child dies before 18 (CPPCR 2010 reg 50). Panel records that form part of it follow the same rule.",
  "STAT-GDPR": "Records about children in care are special category personal data (UK GDPR art. 9; DPA 2018 sch. 1, e.g. safeguarding of children). Access is on a need-to-know basis (Caldicott principles); every read and disclosure should be traceable to a person and a purpose."
} as const

/**
 * Every rule id code may cite, with its text: the seeds' and the law's rules and Carepanel's own defaults
 * (`localDefaults.ts`), so a mistyped id does not compile.
 */
export const ruleCatalogue = { ...seedRules, ...localDefaultTexts }

/** A rule of the catalogue: the core branches on these by name. */
export type CatalogueRuleId = keyof typeof ruleCatalogue
export const CatalogueRuleId = Schema.Literal(...(Object.keys(ruleCatalogue) as [CatalogueRuleId, ...CatalogueRuleId[]]))

export const isCatalogueRuleId = (id: string): id is CatalogueRuleId => Object.hasOwn(ruleCatalogue, id)

/** The catalogue's prefixes: an authority's own rule with one of them would read as a seed's, the law's or Carepanel's. */
export const cataloguePrefixes = [...new Set(Object.keys(ruleCatalogue).map((id) => id.slice(0, id.indexOf("-") + 1)))]

const ownRuleIdShape = /^[A-Z][A-Z0-9]*-[A-Z0-9]+(?:-[A-Z0-9]+)*$/

/**
 * A rule of one authority's own terms of reference (`BRK-4`), declared in its policy's `ownRules`: a prefix of its own,
 * never the catalogue's. The policy checks that it declares every one it cites (`AuthorityPolicy`).
 */
export const OwnRuleId = Schema.String.pipe(
  Schema.filter((id) => ownRuleIdShape.test(id) && !cataloguePrefixes.some((prefix) => id.startsWith(prefix)), {
    message: (issue) => `${notAnOwnRuleId}, actual ${JSON.stringify(issue.actual)}`
  }),
  Schema.brand("OwnRuleId")
)
export type OwnRuleId = typeof OwnRuleId.Type

/** A rule id a policy, a record or a refusal may cite: the catalogue's, or one of the authority's own. */
export const RuleId = Schema.Union(CatalogueRuleId, OwnRuleId)
export type RuleId = typeof RuleId.Type
