/** `act`, called at most once in any `ms` (the calls in between are dropped): a failing background task logs once a minute, not every tick. */
export const atMostEvery = <A>(ms: number, act: (value: A) => void, now: () => number = Date.now): ((value: A) => void) => {
  let last = Number.NEGATIVE_INFINITY
  return (value) => {
    if (now() - last < ms) return
    last = now()
    act(value)
  }
}
