/**
 * Runs a step of an app's start; if it fails, runs `undo` (stop what the start has begun, close the store it opened)
 * before the failure goes on to be reported, so a start that fails part-way leaves no connection, `-wal` file or
 * timer behind. A failure of `undo` itself is dropped: the step's failure is the one that says what went wrong.
 */
export const undoOnFailure = async <A>(step: () => Promise<A>, undo: () => Promise<unknown>): Promise<A> => {
  try {
    return await step()
  } catch (error) {
    await undo().catch(() => undefined)
    throw error
  }
}
