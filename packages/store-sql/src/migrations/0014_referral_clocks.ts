import type { Migration } from "./Migration.js"

/**
 * The `referralClocks` read model (core's `ReferralClockInputs`: what a request's clocks read, a few hundred bytes
 * beside the whole request's 10 KB), which the core writes with every request's commit from now on: built here for
 * the requests already in the store, from their `referrals` row, in the migration's transaction. A field the request
 * does not have is left out, as the core's encoder leaves it out (SQLite's merge patch drops a null, PostgreSQL's
 * `jsonb_strip_nulls`). Written as the request documents were when this shipped: a migration is never edited.
 */
const field = (name: string, path = name) => `'${name}', json_extract(doc, '$.${path}')`
const pgField = (name: string, path = name) => `'${name}', doc::jsonb #> '{${path.replaceAll(".", ",")}}'`

export const referralClocks: Migration = {
  sqlite: [
    `INSERT INTO read_models (collection, authority_id, id, index_fields, doc)
     SELECT 'referralClocks', authority_id, id, '{}',
       json_patch(
         json_object(${field("id")}, ${field("status")}, 'form', json_object(${field("panelId", "form.panelId")}), ${field("createdAt")}),
         json_object(${field("submittedAt")}, ${field("readyAt")}, ${field("sittingId")})
       )
     FROM read_models WHERE collection = 'referrals'`
  ],
  pg: [
    `INSERT INTO read_models (collection, authority_id, id, index_fields, doc)
     SELECT 'referralClocks', authority_id, id, '{}',
       jsonb_strip_nulls(jsonb_build_object(
         ${pgField("id")}, ${pgField("status")}, 'form', jsonb_build_object(${pgField("panelId", "form.panelId")}), ${pgField("createdAt")},
         ${pgField("submittedAt")}, ${pgField("readyAt")}, ${pgField("sittingId")}
       ))::text
     FROM read_models WHERE collection = 'referrals'`
  ]
}
