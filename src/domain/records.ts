/** Small shared checks and words, so each module does not keep its own copy. */

/** A plain JSON object (not null, not an array): what a parsed body's fields are read from. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

/** "1 file", "2 files". */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`
