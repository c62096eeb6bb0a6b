import { type Env, intSetting } from "./env.js"

/**
 * How long a request may wait for the store before it is answered that the store failed. A database that stops
 * answering without refusing (a network partition: packets lost, nothing reset) would otherwise keep the caller
 * waiting as long as its connection does, until the operating system gives it up, about a quarter of an hour later.
 * `CAREPANEL_STORE_ANSWER_SECONDS` sets it (docs/deployment.md).
 */
export const defaultStoreAnswerSeconds = 30

export const storeAnswerMsOf = (env: Env): number => 1000 * intSetting(env, "CAREPANEL_STORE_ANSWER_SECONDS", defaultStoreAnswerSeconds, 1, 3_600)

/**
 * What `promise` settles to, or `late()` if it has not settled within `ms`. A timer raced against the promise and
 * cleared when either is done, not a fibre timeout: this is on every request's path, and what is waiting (a statement
 * in flight) cannot be called back anyway. The promise is left to finish or fail on its own, unobserved.
 */
export const within = <A, B>(ms: number, promise: Promise<A>, late: () => B): Promise<A | B> => {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<B>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms)
  })
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer))
}
