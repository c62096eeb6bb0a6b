import { ChildId, ChildRecords, LocalDate, londonDateOf } from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { decodeArgs } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { deadlinesFor } from "../deadline/deadlineQueries.js"
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

builder.queryField("childRecordsPastRetention", (t) =>
  t.field({
    type: [ChildRecordRef],
    description: "STAT-R50: the caller's authority's child records past their retention date on `on` (default today, London).",
    args: { on: t.arg({ type: "Date" }) },
    resolve: (_root, args, context) =>
      readList(context, (actor) =>
        decodeArgs(LocalDate, args.on ?? londonDateOf(DateTime.unsafeNow()), ["on"]).pipe(Effect.flatMap((day) => using(ChildRecords, (records) => records.pastRetention(actor, day))))
      )
  })
)
