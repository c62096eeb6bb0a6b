/**
 * The first `npm start` loads the code from source and plays the seed before the banner: a line every few seconds
 * says what it is still doing, so it is never silent for long. Only `start.ts` turns it on; elsewhere `progress`
 * and `stopProgress` do nothing.
 */
let timer: NodeJS.Timeout | undefined
let step = "loading the code"
const startedAt = Date.now()

export const startProgress = (log: (line: string) => void, everyMs = 3_000): void => {
  timer = setInterval(() => log(`  ... still starting: ${step} (${Math.round((Date.now() - startedAt) / 1000)} s)`), everyMs)
  timer.unref()
}

/** Names what start-up is doing now. */
export const progress = (now: string): void => {
  step = now
}

export const stopProgress = (): void => {
  clearInterval(timer)
  timer = undefined
}
