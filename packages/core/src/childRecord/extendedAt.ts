import type { DateTime } from "effect"

/** When the court made an extension (STAT-S44, STAT-S31): kept since `extendedAt` was added; before, it was recorded when made. */
export const extendedAtOf = (extension: { readonly extendedAt?: DateTime.Utc | undefined; readonly at: DateTime.Utc }): DateTime.Utc => extension.extendedAt ?? extension.at
