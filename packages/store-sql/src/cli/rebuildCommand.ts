import type { AuthorityId } from "@carepanel/core"
import { Effect } from "effect"
import { type RebuildReport, rebuildReadModels } from "../rebuild/rebuildReadModels.js"
import { plural } from "./plural.js"

/**
 * What `carepanel-store rebuild` prints: exit 0, or 1 if a stream could not be folded (the others were rebuilt) or the
 * authority asked for has no record in the store.
 */
export const describeRebuild = (report: RebuildReport, authorityId: AuthorityId | undefined) => {
  const lines = [
    `rebuilt ${plural(report.streams, "stream")} of ${authorityId === undefined ? "every authority" : `authority ${authorityId}`}: ` +
      `${plural(report.rows, "read-model row")} folded again, ${report.changed} changed and rewritten, in ${(report.millis / 1000).toFixed(1)} s`
  ]
  if (report.removed > 0) lines.push(`removed ${plural(report.removed, "read-model row")} that no record makes any more, with their index entries`)
  if (report.strayEntries > 0) lines.push(`removed ${plural(report.strayEntries, "index entry", "index entries")} that no row makes (a search would have found a record by them wrongly)`)
  if (report.readAgain > 0) lines.push(`${plural(report.readAgain, "stream was", "streams were")} written meanwhile, and read again`)
  for (const [streamType, count] of report.unknownTypes) lines.push(`left alone: ${plural(count, "stream")} of type ${streamType}, which this version does not know`)
  for (const { streamId, message } of report.failed) lines.push(`not rebuilt: stream ${streamId}: ${message}`)
  if (report.obsoleteKept !== undefined) lines.push(`obsolete read-model rows not looked for: ${report.obsoleteKept}`)
  // A mistyped authority id finds nothing: said, and not a success, so a script running it notices.
  const nothingOfIt = authorityId !== undefined && report.streams + report.failed.length + report.unknownTypes.size === 0
  if (nothingOfIt) lines.push(`no record of authority ${authorityId} is in this store: check the id (the policy file's authority.id)`)
  return { exitCode: report.failed.length === 0 && !nothingOfIt ? 0 : 1, lines }
}

/** `carepanel-store rebuild [--authority <id>]` on the store the layer opens. */
export const rebuildNow = (authorityId: AuthorityId | undefined) =>
  Effect.map(rebuildReadModels(authorityId === undefined ? {} : { authorityId }), (report) => describeRebuild(report, authorityId))
