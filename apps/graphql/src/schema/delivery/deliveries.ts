import { Deliveries, type DeliverySummary, NotReplayable, WebhookOutcome } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { refuseOutOfRange } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { refusalType } from "../errors/domainError.js"
import { commonRefusals } from "../errors/refusals.js"
import { command, readList, using } from "../run.js"
import { literalEnum } from "../shared/enums.js"

const WebhookOutcomeEnum = literalEnum(
  "WebhookOutcome",
  WebhookOutcome.literals,
  "What became of a delivery: applied; refused by Carepanel; parked (waiting for the record it is about, or to be tried again); dead (waited too long)."
)

const NotReplayableRef = refusalType("NotReplayable", NotReplayable, { deliveryId: "string" }, "Only a refused, parked or dead delivery can be tried again.")

const WebhookDeliveryRef = builder.objectRef<DeliverySummary>("WebhookDelivery").implement({
  description: "A delivery from a case system to the webhook receiver, as an operator sees it (never its body).",
  fields: (t) => ({
    deliveryId: t.exposeString("deliveryId", { description: "The sender's webhook-id." }),
    sourceId: t.exposeString("sourceId"),
    eventType: t.exposeString("eventType"),
    outcome: t.field({ type: WebhookOutcomeEnum, resolve: (delivery) => delivery.outcome }),
    receivedAt: t.exposeString("receivedAt"),
    updatedAt: t.exposeString("updatedAt"),
    waitingFor: t.string({ nullable: true, description: "While parked: the record it waits for.", resolve: (delivery) => delivery.waitingFor ?? null }),
    code: t.string({ nullable: true, description: "A refusal's code.", resolve: (delivery) => delivery.code ?? null }),
    message: t.string({
      nullable: true,
      description:
        "What it was answered, for a person, without personal data: a refusal's own words, which can name the child or family, went only to the case system that sent the event.",
      resolve: (delivery) => delivery.message ?? null
    }),
    erasedAt: t.string({
      nullable: true,
      description:
        "When its body and the details of its answer were erased, after the receiver's retention period (CAREPANEL_WEBHOOK_KEEP_REFUSED_DAYS): it can no longer be tried again.",
      resolve: (delivery) => delivery.erasedAt ?? null
    })
  })
})

const maxDeliveries = 200

/** How many deliveries to list: 50 unless given; out of range refused in words, as a page's `first` is. */
const deliveriesLimit = (first: number | null | undefined) => {
  if (first == null) return Effect.succeed(50)
  return refuseOutOfRange("first", first, maxDeliveries) ?? Effect.succeed(first)
}

builder.queryField("webhookDeliveries", (t) =>
  t.field({
    type: [WebhookDeliveryRef],
    description: "Deliveries from case systems, newest first (the authority's IT team and panel administrators).",
    args: {
      outcome: t.arg({ type: WebhookOutcomeEnum }),
      deliveryId: t.arg.id({ description: "The sender's webhook-id: that delivery alone (none if there is no such delivery)." }),
      first: t.arg.int({ description: `From 0 to ${maxDeliveries}; 50 unless given.` })
    },
    resolve: (_root, args, context) =>
      readList(context, (actor) =>
        Effect.flatMap(deliveriesLimit(args.first), (limit) =>
          using(Deliveries, (deliveries) =>
            deliveries.list(actor, { ...(args.outcome ? { outcome: args.outcome } : {}), ...(args.deliveryId == null ? {} : { deliveryId: String(args.deliveryId) }), limit })
          )
        )
      )
  })
)

const ReplayInput = builder.inputType("ReplayWebhookDeliveryInput", { fields: (t) => ({ deliveryId: t.id({ required: true }) }) })

builder.mutationField("replayWebhookDelivery", (t) =>
  t.field({
    type: WebhookDeliveryRef,
    description: "Asks the webhook receiver to try a refused, parked or dead delivery again (within seconds, whichever receiver is running).",
    args: { input: t.arg({ type: ReplayInput, required: true }) },
    errors: { types: [...commonRefusals, NotReplayableRef] },
    resolve: (_root, args, context) =>
      command(context, "replayWebhookDelivery", Schema.Struct({ deliveryId: Schema.NonEmptyTrimmedString }), args.input, (actor, input) =>
        using(Deliveries, (deliveries) => deliveries.replay(actor, input.deliveryId))
      )
  })
)
