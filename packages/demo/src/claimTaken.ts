import { ConcurrencyConflict, SittingAlreadyScheduled } from "@carepanel/core"

/**
 * Whether scheduling a sitting under a chosen id failed because another process scheduled it first: the seed and the
 * sitting under way use such ids so that processes starting together on one store do their set-up once.
 */
export const isClaimTaken = (error: unknown): boolean => error instanceof SittingAlreadyScheduled || error instanceof ConcurrencyConflict
