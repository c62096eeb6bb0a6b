import type { Caller } from "./claims.js"

/** How long a verified token is answered from memory at most, so that a key withdrawn from a JWKS counts soon. */
export const verifiedTokenMaxAgeMs = 5 * 60_000

/**
 * Tokens that verified, by their exact text, with the caller they gave: a client sends the same bearer token with
 * every request, and checking its signature again each time was a large share of a read's CPU (docs/performance.md).
 * An entry is used only before the token's `exp` (no clock tolerance) and for at most `verifiedTokenMaxAgeMs`; the
 * oldest entries go first when the cache is full. Refusals are never kept: they are verified, and worded, each time.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { readonly caller: Caller; readonly usableUntilMs: number }>()

  constructor(private readonly maxEntries = 1_000) {}

  get(token: string, nowMs: number): Caller | undefined {
    const entry = this.entries.get(token)
    if (entry === undefined) return undefined
    if (nowMs < entry.usableUntilMs) return entry.caller
    this.entries.delete(token)
    return undefined
  }

  set(token: string, caller: Caller, expiresAtSeconds: number, nowMs: number): void {
    const usableUntilMs = Math.min(expiresAtSeconds * 1000, nowMs + verifiedTokenMaxAgeMs)
    if (usableUntilMs <= nowMs) return
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(token, { caller, usableUntilMs })
  }
}
