import autocannon from "autocannon"

export interface LoadResult {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly mean: number
  readonly non2xx: number
  readonly errors: number
  /** Requests answered. */
  readonly requests: number
}

export interface LoadOptions {
  readonly url: string
  readonly token?: string
  readonly connections: number
  /** A fixed document, or one per request (e.g. a different request to submit each time). */
  readonly body: string | (() => string)
  readonly duration?: number
  readonly amount?: number
  /** Requests a second across all connections (open loop at a fixed rate), instead of as fast as answers come. */
  readonly overallRate?: number
}

/**
 * One autocannon run, in this process, against a server in another process. With `amount` the rate is the answers
 * over the time from the start to the last answer, measured here: autocannon notices that it is done only at its
 * next one-second tick, so its own start and finish round such a run up to whole seconds (800 answers in 0.26 s came
 * out as 793 a second, not 3,100). A run for a `duration` lasts that long, and its rate is autocannon's.
 */
export const load = async (options: LoadOptions): Promise<LoadResult> => {
  const headers = { "content-type": "application/json", accept: "application/graphql-response+json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) }
  const body = options.body
  let lastAnswerAt = 0
  const onResponse = () => {
    lastAnswerAt = performance.now()
  }
  const startedAt = performance.now()
  const result = await autocannon({
    url: options.url,
    method: "POST",
    headers,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.duration ?? 5 } : { amount: options.amount }),
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    ...(typeof body === "string"
      ? { body, requests: [{ onResponse }] }
      : { requests: [{ setupRequest: (request) => ({ ...request, body: body() }), onResponse }] })
  } as autocannon.Options)
  const seconds =
    options.amount === undefined ? (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000 : (lastAnswerAt - startedAt) / 1000
  return { rps: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, non2xx: result.non2xx, errors: result.errors, requests: result.requests.total }
}
