/** A LIMIT both engines accept: a whole number from 0; no limit (undefined, Infinity) as the largest safe integer. */
export const sqlLimit = (limit: number | undefined): number =>
  limit === undefined || !Number.isFinite(limit) ? Number.MAX_SAFE_INTEGER : Math.max(0, Math.floor(limit))
