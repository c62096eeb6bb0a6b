/** Counts open event streams per client key in this process; `open` refuses the one over `max`. */
export class StreamCap {
  private readonly open_ = new Map<string, number>()

  /** A release function for the new stream, or undefined when the client already has `max` open. */
  open(key: string, max: number): (() => void) | undefined {
    const count = this.open_.get(key) ?? 0
    if (count >= max) return undefined
    this.open_.set(key, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.open_.get(key) ?? 1) - 1
      if (left === 0) this.open_.delete(key)
      else this.open_.set(key, left)
    }
  }
}
