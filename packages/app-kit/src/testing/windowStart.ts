/**
 * Waits until a rate-limit window of `windowSeconds` has just begun (windows are aligned to the epoch), so that a
 * test's burst falls inside one window unless it takes longer than `windowSeconds - marginMs`.
 */
export const untilWindowStarts = (windowSeconds: number, marginMs = 20) => {
  const windowMs = windowSeconds * 1000
  const wait = windowMs - (Date.now() % windowMs) + marginMs
  return new Promise((resolve) => setTimeout(resolve, wait))
}
