import { Effect, FiberRef, LogLevel } from "effect"

/**
 * `Effect.logInfo(message)` with these annotations. When Info is below the minimum level (the bench, a quiet
 * receiver) nothing is done at all: the annotations' context change would cost more than the line that is dropped.
 */
export const logInfoWith = (message: string, annotations: Record<string, unknown>): Effect.Effect<void> =>
  Effect.withFiberRuntime((fiber) =>
    LogLevel.greaterThan(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Info)
      ? Effect.void
      : Effect.logInfo(message).pipe(Effect.annotateLogs(annotations))
  )
