import { lexicographicSortSchema, printSchema } from "graphql"
import { builder } from "./builder.js"
import { applyDisclosure } from "./disclosure/applyDisclosure.js"
import "./shared/scalars.js"
import "./errors/refusals.js"
import "./viewer/viewer.js"
import "./panel/panel.js"
import "./referral/referralQueries.js"
import "./referral/referralMutations.js"
import "./sitting/sittingQueries.js"
import "./sitting/sittingMutations.js"
import "./decision/decisionQueries.js"
import "./decision/decisionMutations.js"
import "./action/actionQueries.js"
import "./disagreement/disagreementQueries.js"
import "./disagreement/disagreementMutations.js"
import "./placement/placementQueries.js"
import "./placement/placementMutations.js"
import "./placement/visitFields.js"
import "./placement/visitMutations.js"
import "./childRecord/childRecordQueries.js"
import "./childRecord/childRecordMutations.js"
import "./deadline/deadlineQueries.js"
import "./history/history.js"
import "./report/reports.js"
import "./documents/documentQueries.js"
import "./documents/decisionSheetUpload.js"
import "./documents/calendarFeeds.js"
import "./delivery/deliveries.js"
import "./subscription/subscriptions.js"

builder.queryType({ description: "Everything is scoped to the caller's authority." })
builder.mutationType({ description: "One mutation per command of the core; each answers with its record or a refusal." })

/** The API's schema, built once from every type module imported above, with identity and free text withheld (fieldScopes.ts). */
export const schema = applyDisclosure(builder.toSchema({ sortSchema: false }))

/** The schema as SDL, sorted so that a change shows as a small diff (`npm run schema` writes it to schema.graphql). */
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`
