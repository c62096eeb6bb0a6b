import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Schema } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { caseOf, familyPlaceholder, redactor } from "../../src/notifications/CaseContext.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { disagreementNotifications } from "../../src/notifications/disagreementNotifications.js"
import { placementNotifications } from "../../src/notifications/placementNotifications.js"
import { referralNotifications } from "../../src/notifications/referralNotifications.js"
import { sittingNotifications } from "../../src/notifications/sittingNotifications.js"
import { Notification } from "../../src/ports/Notification.js"
import { type RequestType, requestTypeLabel } from "../../src/policy/RequestType.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { ActionId, AuthorityId, ChildId, DecisionId, DisagreementId, DocumentId, PanelId, PlacementId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { content, heldSitting, subject } from "../decision/fixtures.js"
import { decisionAtPanel } from "../disagreement/fixtures.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { sittingOn } from "../referral/fixtures.js"
import { childId, cmd, identified, placedAt, playOn, yesToRefuse } from "../regulation24/fixtures.js"
import { nameless, story } from "./fixtures.js"

const word = fc.oneof(
  fc.stringMatching(/^[A-Z][a-z]{1,11}$/),
  fc.constantFrom("O'Neill", "Smith-Jones", "Zoë", "Nuñez", "McAllister", "Ng", "Li", "Oluwaseun", "Ana-Maria")
)
/** A fictional child's full name: two or three words. */
const fullNameArb = fc.array(word, { minLength: 2, maxLength: 3 }).map((words) => words.join(" "))

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
/** Whether `text` holds the name as whole words, in any case and spacing. */
const holdsName = (text: string, name: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${name.split(" ").map(escapeRegExp).join("\\s+")}(?![\\p{L}\\p{N}])`, "iu").test(text)

/** The children of a request by case id and full name, and what it asks. */
interface Asked {
  readonly children: ReadonlyArray<{ readonly childId: string; readonly fullName: string }>
  readonly requestTypes: ReadonlyArray<RequestType>
}

/**
 * The family the form names (a parent in its history, the children's carer), a connected carer named only on the first
 * child's Regulation 24 placement, and who of them free text names at which word.
 */
interface Family {
  readonly parent: string
  readonly carer: string
  readonly connected: string
  readonly named: "parent" | "carer" | "connected"
  readonly atWord: number
}

/** The first child's Regulation 24 placement with `carer`, as the placements read model holds it. */
const placedWith = (carer: string): Placement =>
  fold(placementDecider, playOn(identified(), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers: [{ name: carer, relationship: "aunt", hasParentalResponsibility: true }] })))!

/**
 * Every source, played with the children's names written into each free-text field a person fills in, and the
 * family member `family` names put in among its words.
 */
const everything = ({ children, requestTypes }: Asked, family?: Family): ReadonlyArray<Notification> => {
  const name = children.map((child) => child.fullName).join(" and ")
  const about = (text: string) => {
    const words = `${text} for ${name}`.split(" ")
    if (family !== undefined) words.splice(family.atWord % (words.length + 1), 0, family[family.named])
    return words.join(" ")
  }
  const form: ReferralForm = {
    ...completeForm("care-and-resource"),
    children: children.map((child) => ({
      ...completeForm("care-and-resource").children[0]!,
      childId: ChildId.make(child.childId),
      fullName: child.fullName,
      ...(family === undefined ? {} : { carer: family.carer })
    })),
    parentalHistory: family === undefined ? [] : [{ parent: family.parent, kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Burglary" }],
    requestTypes: [...requestTypes],
    // The tick goes with the section 20 request (as `completeForm`): NSO-6 derives it from the type.
    presentationReasons: requestTypes.includes("s20_accommodation") ? ["accommodation_considered"] : [],
    request: about("Accommodation"),
    reason: about("No safe carer"),
    caseSummary: about("Summary")
  }
  const asked = { ...subject(), childIds: form.children.map((child) => child.childId) as [ChildId, ...Array<ChildId>], requestTypes: [...requestTypes] as [RequestType, ...Array<RequestType>] }
  const placements = family === undefined ? [] : [placedWith(family.connected)]
  const known = caseOf({ form } as Parameters<typeof caseOf>[0], placements)
  const out: Notification[] = []

  const nso = staffOf("north-somerset")
  const referral = story(referralDecider, contextOf("north-somerset"))
  const onReferral = (actor: keyof typeof nso, body: Record<string, unknown>) => {
    const { events, state } = referral({ ...body, by: as(nso[actor]), at: london("2027-06-01", "09:00") } as ReferralCommand)
    out.push(...referralNotifications(events, state, contextOf("north-somerset"), placements))
  }
  onReferral("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form })
  for (const kind of ["assessment", "care_plan", "genogram"]) {
    onReferral("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })
  }
  onReferral("socialWorker", { _tag: "Submit" })
  onReferral("teamManager", { _tag: "ReturnForChanges", reason: about("Add the school report") })
  onReferral("assistantDirector", { _tag: "GrantLatePermission", sitting: sittingOn("sit_1", "care-and-resource", "2027-06-09", "13:30"), reason: about("Placement breaking down") })
  onReferral("socialWorker", { _tag: "Submit" })
  onReferral("teamManager", { _tag: "Approve" })
  onReferral("headOfService", { _tag: "Approve" })

  const cpr = staffOf("care-planning")
  const sitting = story(sittingDecider, contextOf("care-planning"))
  const onSitting = (actor: keyof typeof cpr, body: Record<string, unknown>, at = london("2027-06-07", "09:00")) => {
    const { events, state } = sitting({ ...body, by: as(cpr[actor]), at } as SittingCommand)
    out.push(...sittingNotifications(events, state, { ...contextOf("care-planning"), case: known }))
  }
  onSitting("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-09" })
  onSitting("administrator", { _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1")], kind: "request", summary: about("Placement") }] })
  onSitting("administrator", { _tag: "PublishAgenda" })
  onSitting("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "14:00"))
  onSitting("chair", { _tag: "ReturnFinalRecord" }, london("2027-06-10", "09:00"))

  const lin = staffOf("lincolnshire")
  const linContext = { ...contextOf("lincolnshire"), case: known }
  const decision = story(decisionDecider, contextOf("lincolnshire"))
  const onDecision = (actor: keyof typeof lin, body: Record<string, unknown>) => {
    const { events, state } = decision({ ...body, by: as(lin[actor]), at: london("2027-06-09", "13:30") } as DecisionCommand)
    out.push(...decisionNotifications(events, state, linContext))
  }
  const decided = content({
    rationale: about("Accommodation is proportionate"),
    actions: [{ actionId: ActionId.make("act_1"), description: about("Book a dentist"), ownerRole: "social_worker", dueDate: "2027-06-23" as never, fgcReferral: false }]
  })
  onDecision("administrator", { _tag: "RecordDecision", decisionId: DecisionId.make("dec_1"), subject: asked, sitting: heldSitting("lincolnshire"), content: decided })
  onDecision("chair", { _tag: "SignOff" })
  onDecision("chair", { _tag: "AmendDecision", content: decided, whatChanged: about("Rationale"), why: about("Typo") })

  // The first child's second Regulation 24 placement: its carer's relationship is typed as free text.
  const placement = story(placementDecider, contextOf("lincolnshire"))
  const onPlacement = (body: Record<string, unknown>) => {
    const { events, state } = placement({ ...body, by: as(lin.socialWorker), at: placedAt } as PlacementCommand)
    out.push(...placementNotifications(events, state, linContext))
  }
  onPlacement({ _tag: "RecordBasicTest", placementId: PlacementId.make("plc_2"), childId, answers: yesToRefuse })
  onPlacement({ _tag: "RecordPlacementMade", placedAt, carers: [{ name: "Sol Fenwick", relationship: about("Partner"), hasParentalResponsibility: false }] })

  // CPR-6: the one notice whose purpose is to name the child, to the Complex Needs Panel's administrator.
  const cprDecision = story(decisionDecider, contextOf("care-planning"))
  const onCprDecision = (actor: keyof typeof cpr, body: Record<string, unknown>) => {
    const { events, state } = cprDecision({ ...body, by: as(cpr[actor]), at: london("2027-06-09", "13:30") } as DecisionCommand)
    out.push(...decisionNotifications(events, state, { ...contextOf("care-planning"), case: known }))
  }
  onCprDecision("administrator", {
    _tag: "RecordDecision", decisionId: DecisionId.make("dec_2"), subject: asked, sitting: heldSitting("care-planning"),
    content: { ...decided, minutes: undefined, sharedFunding: { partners: ["health"] } }
  })
  onCprDecision("chair", { _tag: "SignOff" })

  const sup = staffOf("support-panels")
  const party = (actor: keyof typeof sup) => ({ personId: sup[actor].personId, name: sup[actor].name })
  const disagreement = story(disagreementDecider, contextOf("support-panels"))
  const onDisagreement = (actor: keyof typeof sup, body: Record<string, unknown>) => {
    const { events, state } = disagreement({ ...body, by: as(sup[actor]), at: london("2027-06-09", "11:00") } as DisagreementCommand)
    out.push(...disagreementNotifications(events, state, { ...contextOf("support-panels"), case: known }))
  }
  onDisagreement("member", {
    _tag: "RecordDissent", disagreementId: DisagreementId.make("dis_1"), decision: decisionAtPanel({ action: about("Book a dentist") }),
    member: party("member"), dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_2") },
    grounds: about("Too slow")
  })
  onDisagreement("chair", { _tag: "NoteAreasOfDisagreement", areas: [about("Timing")] })
  onDisagreement("member", { _tag: "Escalate", step: "member_manager", to: party("teamManager") })
  onDisagreement("teamManager", { _tag: "Escalate", step: "assistant_director", to: party("assistantDirector") })
  onDisagreement("assistantDirector", { _tag: "RecordOutcome", outcome: "upheld", rationale: about("The plan stands") })

  const due = london("2027-06-23", "17:00")
  out.push(
    ...clockNotifications(
      [{ id: "dec_1:action:act_1", about: { kind: "action", id: "act_1" }, title: about("Book a dentist"), ruleId: "LIN-5", due, state: "overdue", explanation: about("due") }],
      london("2027-06-24", "09:00"),
      { authorityId: AuthorityId.make("lincolnshire"), lookup: { caseOf: () => known, panelOf: () => undefined, requestOf: () => undefined } }
    )
  )
  return out
}

describe("children's names", () => {
  test.prop([fullNameArb], { numRuns: 60 })(
    "STAT-GDPR, CPR-6: no headline or fact ever holds a child's full name; a body with the case known has it taken out, except the one line CPR-6 sends to the Complex Needs Panel administrator",
    (name) => {
      const notifications = everything({ children: [{ childId: "child-1", fullName: name }], requestTypes: ["s20_accommodation"] })
      expect(new Set(notifications.map((n) => n.kind)).size).toBeGreaterThanOrEqual(15)
      for (const notification of notifications) {
        expect(Schema.is(Notification)(notification)).toBe(true)
        expect(holdsName(notification.headline, name), notification.headline).toBe(false)
        for (const fact of Object.values(notification.facts)) expect(holdsName(String(fact), name)).toBe(false)
        const naming = notification.body.filter((line) => holdsName(line, name))
        const cpr6 = notification.kind === "decision.complex_needs_referral"
        expect(naming, notification.kind).toEqual(cpr6 ? [`Child: ${name}, case number ICS-104233`] : [])
      }
    }
  )

  /** Up to three children with distinct case ids and names, asking for one to three things a North Somerset panel hears. */
  const askedArb: fc.Arbitrary<Asked> = fc
    .uniqueArray(fc.record({ childId: fc.stringMatching(/^wx-child-[0-9]{2}$/), fullName: fullNameArb }), { minLength: 1, maxLength: 3, selector: (child) => child.childId })
    .chain((children) =>
      fc
        .uniqueArray(fc.constantFrom<RequestType>("s20_accommodation", "placement_type", "placement_change", "independent_assessment", "external_placement"), { minLength: 1, maxLength: 3 })
        .map((requestTypes) => ({ children, requestTypes }))
    )

  test.prop([askedArb], { numRuns: 40 })(
    "STAT-GDPR: a request's, a decision's, a disagreement's and their clocks' headlines name every child by case id, and what was asked, and no child by name",
    (asked) => {
      const named = everything(asked).filter((n) => /^(referral|decision|disagreement|clock)\./.test(n.kind))
      expect(new Set(named.map((n) => n.kind.split(".")[0]))).toEqual(new Set(["referral", "decision", "disagreement", "clock"]))
      for (const notification of named) {
        for (const { childId, fullName } of asked.children) {
          expect(notification.headline, notification.kind).toContain(childId)
          expect(holdsName(notification.headline, fullName), notification.headline).toBe(false)
        }
        // A clock names its children only, and the Complex Needs Panel's notice the funding, not the request.
        if (!notification.kind.startsWith("clock.") && notification.kind !== "decision.complex_needs_referral") {
          for (const type of asked.requestTypes) expect(notification.headline, notification.kind).toContain(requestTypeLabel[type])
        }
      }
    }
  )

  test.prop([fullNameArb, fc.string()])("the redactor removes a full name wherever it stands in any text", (name, text) => {
    const redact = redactor([name])
    expect(holdsName(redact(`${text} ${name.toUpperCase()}'s ${text} ${name}`), name)).toBe(false)
  })

  test.prop([fc.array(fullNameArb, { maxLength: 3 }), fc.string()])("the redactor leaves text without the names as it was", (names, text) => {
    fc.pre(names.every((name) => name.split(" ").every((part) => !text.includes(part))))
    expect(redactor(names)(text)).toBe(text)
  })
})

describe("parents' and carers' names", () => {
  const familyArb: fc.Arbitrary<Family> = fc.record({
    parent: fullNameArb,
    carer: fullNameArb,
    connected: fullNameArb,
    named: fc.constantFrom("parent" as const, "carer" as const, "connected" as const),
    atWord: fc.nat({ max: 12 })
  })

  test.prop([fullNameArb, familyArb], { numRuns: 40 })(
    "STAT-GDPR: a parent's or carer's name from the form, or a connected carer's from the child's placement, put anywhere in a rationale, reason, action, dissent or another placement's carer's relationship, is in no notification's body, headline or facts",
    (child, family) => {
      fc.pre([family.parent, family.carer, family.connected].every((name) => !holdsName(child, name)))
      const notifications = everything({ children: [{ childId: "child-1", fullName: child }], requestTypes: ["s20_accommodation"] }, family)
      expect(notifications.flatMap((notification) => notification.body).some((line) => line.includes(familyPlaceholder))).toBe(true)
      for (const notification of notifications) {
        for (const text of [...nameless(notification), ...notification.body]) {
          expect(holdsName(text, family.parent), text).toBe(false)
          expect(holdsName(text, family.carer), text).toBe(false)
          expect(holdsName(text, family.connected), text).toBe(false)
        }
      }
    }
  )
})
