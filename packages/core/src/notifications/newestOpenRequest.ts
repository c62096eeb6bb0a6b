import { DateTime } from "effect"
import type { Referral } from "../referral/Referral.js"

const closed: ReadonlyArray<Referral["status"]> = ["withdrawn", "redirected"]

/**
 * A child's case when a record names only the child (a placement, a child's clock): the newest of the child's requests
 * that is still open. A withdrawn or redirected request is no one's current case.
 */
export const newestOpenRequestOf = (referrals: ReadonlyArray<Referral>, childId: string): Referral | undefined =>
  referrals
    .filter((referral) => !closed.includes(referral.status) && referral.form.children.some((child) => child.childId === childId))
    // Newest first: `distance(a, b)` is b's instant minus a's.
    .sort((a, b) => DateTime.distance(a.createdAt, b.createdAt))[0]
