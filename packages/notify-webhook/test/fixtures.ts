import { AuthorityId, type Notification } from "@carepanel/core"
import { Effect, Redacted } from "effect"
import type { WebhookSettings } from "../src/WebhookConfig.js"

export const authorityId = AuthorityId.make("north-somerset")

export const notification = (id = "referral-42.submitted"): Notification => ({
  id,
  authorityId,
  kind: "referral.submitted",
  recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
  headline: "A request for the Resource Panel is ready for triage",
  body: ["Priya Ashdown submitted a request about Robin Testwood."],
  actBy: { due: "2027-06-04T11:00:00.000Z", ruleId: "NSO-4", explanation: "Triage within two working days." },
  facts: { referralId: "referral-42", childId: "child-1" }
})

/** Settings sending north-somerset's webhooks to `url`, signed with `secrets`. */
export const settingsFor = (
  url: string,
  secrets: ReadonlyArray<string>,
  options: { readonly allowPrivateNetwork?: boolean; readonly timeoutMs?: number } = {}
): WebhookSettings => ({
  endpoints: {
    [authorityId]: {
      url,
      secrets: secrets.map(Redacted.make) as [Redacted.Redacted<string>, ...Array<Redacted.Redacted<string>>],
      allowPrivateNetwork: options.allowPrivateNetwork ?? true
    }
  },
  timeoutMs: options.timeoutMs ?? 5_000
})

/** Runs one delivery and answers with its failure, or undefined when it was delivered. */
export const outcome = <E, R>(effect: Effect.Effect<void, E, R>) =>
  Effect.match(effect, { onFailure: (e) => e, onSuccess: () => undefined })
