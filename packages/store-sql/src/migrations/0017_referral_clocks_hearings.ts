import type { Migration } from "./Migration.js"

/**
 * The instants of each request's hearings in its `referralClocks` row (core's `ReferralClockInputs.hearings`): a
 * request heard and sent back aims its submission clock at a sitting after its latest hearing. Copied from the
 * request's `referrals` row, in order; a request never heard gets `[]`, as the core's encoder writes it.
 */
export const referralClocksHearings: Migration = {
  sqlite: [
    `UPDATE read_models SET doc = json_set(doc, '$.hearings', (
       SELECT json_group_array(json_object('at', json_extract(hearing.value, '$.at')))
       FROM read_models AS request, json_each(request.doc, '$.hearings') AS hearing
       WHERE request.collection = 'referrals' AND request.authority_id = read_models.authority_id AND request.id = read_models.id
     ))
     WHERE collection = 'referralClocks'`
  ],
  pg: [
    `UPDATE read_models AS clocks SET doc = jsonb_set(clocks.doc::jsonb, '{hearings}', COALESCE((
       SELECT jsonb_agg(jsonb_build_object('at', hearing.value -> 'at') ORDER BY hearing.ordinality)
       FROM read_models AS request, jsonb_array_elements(request.doc::jsonb -> 'hearings') WITH ORDINALITY AS hearing(value, ordinality)
       WHERE request.collection = 'referrals' AND request.authority_id = clocks.authority_id AND request.id = clocks.id
     ), '[]'::jsonb))::text
     WHERE clocks.collection = 'referralClocks'`
  ]
}
