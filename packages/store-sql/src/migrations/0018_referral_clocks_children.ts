import type { Migration } from "./Migration.js"

/**
 * The children of each request in its `referralClocks` row (core's `ReferralClockInputs.form.children`, their ids only),
 * so that a list of clocks says whose each is. Copied from the request's `referrals` row, in order.
 */
export const referralClocksChildren: Migration = {
  sqlite: [
    `UPDATE read_models SET doc = json_set(doc, '$.form.children', (
       SELECT json_group_array(json_object('childId', json_extract(child.value, '$.childId')))
       FROM read_models AS request, json_each(request.doc, '$.form.children') AS child
       WHERE request.collection = 'referrals' AND request.authority_id = read_models.authority_id AND request.id = read_models.id
     ))
     WHERE collection = 'referralClocks'`
  ],
  pg: [
    `UPDATE read_models AS clocks SET doc = jsonb_set(clocks.doc::jsonb, '{form,children}', COALESCE((
       SELECT jsonb_agg(jsonb_build_object('childId', child.value -> 'childId') ORDER BY child.ordinality)
       FROM read_models AS request, jsonb_array_elements(request.doc::jsonb -> 'form' -> 'children') WITH ORDINALITY AS child(value, ordinality)
       WHERE request.collection = 'referrals' AND request.authority_id = clocks.authority_id AND request.id = clocks.id
     ), '[]'::jsonb))::text
     WHERE clocks.collection = 'referralClocks'`
  ]
}
