import { AuthorityId, type Notification } from "@carepanel/core"
import { Effect, Redacted } from "effect"
import type { WebhookSettings } from "../src/WebhookConfig.js"

export const authorityId = AuthorityId.make("north-somerset")

export const notification = (id = "ref_42:ready:2027-06-01T08:00:00.000Z:panel_administrator"): Notification => ({
  id,
  authorityId,
  kind: "referral.ready",
  recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
  headline: "Panel request for child child-1 (an edge-of-care resource) is complete and approved, ready for a sitting",
  body: ["Request ref_42: Support to keep the child safely at home, about Robin Testwood."],
  actBy: { due: "2027-06-04T11:00:00.000Z", ruleId: "NSO-3", explanation: "Requests reach the panel by 12:00 on the Friday before the sitting" },
  facts: { referralId: "ref_42", childIds: "child-1" }
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
