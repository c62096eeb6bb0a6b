/**
 * Who listens to each authority's `deadlineChanged`, so that the deadline watcher looks only at authorities somebody
 * would hear about: a look reads every request of the authority, and used to run after every burst of writes whether
 * or not anybody was subscribed (docs/performance.md). A first listener waits for `baseline` (the watcher's first look
 * at its authority) before it is answered, so it hears of every change after it subscribed.
 */
export class Listeners {
  private readonly counts = new Map<string, number>()
  private baseline: (authorityId: string) => Promise<void> = async () => undefined

  /** The watcher's look that takes an authority's baseline (set once the watcher runs). */
  takeBaselineWith(baseline: (authorityId: string) => Promise<void>): void {
    this.baseline = baseline
  }

  isHeard(authorityId: string): boolean {
    return (this.counts.get(authorityId) ?? 0) > 0
  }

  /** Counts a listener on `authorityId` until `source` ends or its consumer leaves. */
  async follow<T>(authorityId: string, source: AsyncIterable<T>): Promise<AsyncIterableIterator<T>> {
    const first = !this.isHeard(authorityId)
    this.counts.set(authorityId, (this.counts.get(authorityId) ?? 0) + 1)
    let listening = true
    const leave = () => {
      if (!listening) return
      listening = false
      this.counts.set(authorityId, (this.counts.get(authorityId) ?? 1) - 1)
    }
    const iterator = source[Symbol.asyncIterator]()
    try {
      if (first) await this.baseline(authorityId)
    } catch (error) {
      leave()
      await iterator.return?.()
      throw error
    }
    const following: AsyncIterableIterator<T> = {
      next: async () => {
        const result = await iterator.next()
        if (result.done) leave()
        return result
      },
      return: async (value?: unknown) => {
        leave()
        return (await iterator.return?.(value)) ?? { done: true, value: undefined }
      },
      throw: async (error?: unknown) => {
        leave()
        if (iterator.throw) return iterator.throw(error)
        throw error
      },
      [Symbol.asyncIterator]: () => following
    }
    return following
  }
}
