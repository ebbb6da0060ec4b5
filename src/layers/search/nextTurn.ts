/** Resolves on the next turn of the event loop: long synchronous work in batches yields here. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
