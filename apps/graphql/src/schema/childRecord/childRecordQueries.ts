import { ChildId, ChildRecords, LocalDate, londonDateOf } from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { GraphQLError } from "graphql"
import { decodeArgs } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { deadlinesFor } from "../deadline/deadlineQueries.js"
import { revealsIdentity } from "../disclosure/applyDisclosure.js"
import { DeadlineRef } from "../deadline/deadlineType.js"
import { read, readList, using } from "../run.js"
import { ChildRecordRef } from "./childRecordType.js"

builder.queryField("childRecord", (t) =>
  t.field({
    type: ChildRecordRef,
    description: "A child's statutory record (STAT-S44), by the child's id.",
    args: { childId: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) => decodeArgs(ChildId, args.childId, ["childId"]).pipe(Effect.flatMap((childId) => using(ChildRecords, (records) => records.get(actor, childId)))))
  })
)

/** The child's clocks (STAT-S44, NSO-10), met ones included. */
builder.objectField(ChildRecordRef, "clocks", (t) =>
  t.field({
    type: [DeadlineRef],
    resolve: (record, _args, context) => deadlinesFor(context, { aboutKind: "child", aboutId: record.childId }, true)
  })
)

/** Which records are past retention on a day of the caller's choosing tells each child's date of birth or death (the day after 75 or 15 years). */
const pastRetentionWithheld =
  "An integrator without the identity scope may not list the records past retention: the list tells each child's date of birth or death. A token with the identity scope may."

builder.queryField("childRecordsPastRetention", (t) =>
  t.field({
    type: [ChildRecordRef],
    description:
      "STAT-R50: the caller's authority's child records past their retention date on `on` (default today, London). Refused (NotPermitted) to integrators without the identity scope.",
    args: { on: t.arg({ type: "Date" }) },
    resolve: (_root, args, context) => {
      if (!revealsIdentity(context)) throw new GraphQLError(pastRetentionWithheld, { extensions: { code: "NotPermitted" } })
      return readList(context, (actor) =>
        decodeArgs(LocalDate, args.on ?? londonDateOf(DateTime.unsafeNow()), ["on"]).pipe(Effect.flatMap((day) => using(ChildRecords, (records) => records.pastRetention(actor, day))))
      )
    }
  })
)
