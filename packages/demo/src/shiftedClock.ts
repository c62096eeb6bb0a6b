import { Clock, Effect } from "effect"

/** The real clock moved by an offset (read each time it is asked): time runs on, from another starting point. */
export const shiftedClock = (offsetMs: () => number): Clock.Clock => {
  const real = Clock.make()
  const millis = () => Date.now() + offsetMs()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: millis,
    currentTimeMillis: Effect.sync(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
    sleep: (duration) => real.sleep(duration)
  }
}
