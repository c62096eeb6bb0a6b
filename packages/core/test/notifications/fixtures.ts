import type { Decision } from "../../src/decision/Decision.js"
import type { CaseContext } from "../../src/notifications/CaseContext.js"
import { placementNotifications } from "../../src/notifications/placementNotifications.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { decisionId, sittingEnds } from "../decision/fixtures.js"
import { contextOf } from "../fixtures.js"
import type { Notification } from "../../src/ports/Notification.js"
import { type Decider, fold } from "../../src/shared/decider.js"
import { AuthorityId, PersonId, ReferralId } from "../../src/shared/ids.js"
import { deciderSpec } from "../../src/testing/decider.js"

/**
 * A record told command by command, as the use cases run it: each step returns that commit's events and the
 * state after them, which is what `Aggregate.notifications` receives.
 */
export const story = <C, E, S, R, X>(decider: Decider<C, E, S, R, X>, context: X, history: ReadonlyArray<E> = []) => {
  let events: ReadonlyArray<E> = history
  return (command: C) => {
    const committed = deciderSpec(decider, context).given(events).when(command).events()
    events = [...events, ...committed]
    return { events: committed, state: fold(decider, events) }
  }
}

/** The fictional child of the test forms and its caseholders, as a use case would pass them in the context. */
export const robinsCase: CaseContext = {
  socialWorker: { personId: PersonId.make("priya-ashdown"), name: "Priya Ashdown" },
  teamManager: { personId: PersonId.make("tom-brackley"), name: "Tom Brackley" },
  childNames: ["Robin Testwood"],
  childIds: ["child-1"],
  requestTypes: ["s20_accommodation"]
}

/** Who each notification goes to, by its id's recipient key and recipient. */
export const who = (notifications: ReadonlyArray<Notification>) =>
  notifications.map((notification) => {
    const [recipient] = notification.recipients
    return {
      id: notification.id,
      kind: notification.kind,
      to: recipient?._tag === "Person" ? `person:${recipient.personId}` : `role:${recipient?.role}`,
      ruleId: notification.actBy?.ruleId
    }
  })

/** Every text of a notification a child's name must never reach (the body is checked separately, when redacted). */
export const nameless = (notification: Notification) => [notification.headline, ...Object.values(notification.facts).map(String)]

/** A Lincolnshire connected-person placement told command by command. */
export const placementWith = (known: CaseContext | null) => {
  const context = { ...contextOf("lincolnshire"), ...(known === null ? {} : { case: known }) }
  const step = story(placementDecider, contextOf("lincolnshire"))
  return (command: PlacementCommand) => {
    const { events, state } = step(command)
    return placementNotifications(events, state, context)
  }
}

/** The administrator who records the decisions below. */
export const dev = { personId: PersonId.make("dev-ingleby"), name: "Dev Ingleby", role: "panel_administrator" as const }

/** A decision on ref_1 made final at the sitting of Wed 9 Jun 2027, approving with nothing agreed and no actions. */
export const finalDecision = (authority: string, subject: Pick<Decision["subject"], "childIds" | "requestTypes">, content: Partial<Decision["content"]>, more: Partial<Decision> = {}): Decision => ({
  id: decisionId,
  authorityId: AuthorityId.make(authority),
  subject: { referralId: ReferralId.make("ref_1"), ...subject },
  madeAt: "panel",
  heardAt: sittingEnds,
  status: "final",
  content: { outcome: "approve", rationale: "", agreed: {}, actions: [], ...content },
  recordedBy: dev,
  pendingSignOffs: [],
  signOffs: [],
  amendments: [],
  fgcReferralsReceived: [],
  changesOfCircumstances: [],
  laterHearings: [],
  ...more
})
