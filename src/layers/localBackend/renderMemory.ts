/**
 * The memory sections of the system prompt, laid out as Letta's server compiles them (`Memory.compile`
 * and `compile_memory_metadata_block`), so a model sees the same context in local mode as on the server.
 */
import type { MemoryBlockView } from "./memoryTools.js"

const renderBlock = (block: MemoryBlockView): string =>
  [
    `<${block.label}>`,
    "<description>",
    block.description,
    "</description>",
    "<metadata>",
    ...(block.readOnly ? ["- read_only=true"] : []),
    `- chars_current=${block.value.length}`,
    `- chars_limit=${block.limit}`,
    "</metadata>",
    "<value>",
    block.value,
    "</value>",
    `</${block.label}>`
  ].join("\n")

/** The `<memory_blocks>` section: every block with its description, size, limit and value. */
export const renderMemoryBlocks = (blocks: ReadonlyArray<MemoryBlockView>): string =>
  [
    "<memory_blocks>",
    "The following memory blocks are currently engaged in your core memory unit:",
    "",
    ...(blocks.length === 0 ? [] : [blocks.map(renderBlock).join("\n\n"), ""]),
    "</memory_blocks>"
  ].join("\n")

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
] as const

const two = (n: number) => String(n).padStart(2, "0")

/** "January 26, 2026" (UTC). */
const formatDay = (date: Date) => `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`

/** "2026-01-26 08:56:51 PM UTC+0000", Letta's timestamp layout, always in UTC. */
const formatTimestamp = (date: Date) => {
  const hours = date.getUTCHours()
  const clock = `${two(hours % 12 === 0 ? 12 : hours % 12)}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`
  return `${day} ${clock} ${hours < 12 ? "AM" : "PM"} UTC+0000`
}

export interface MemoryMetadataInput {
  readonly now: Date
  /** Undefined when unknown. */
  readonly memoryLastModified: Date | undefined
  /** Messages stored for this agent that `conversation_search` can reach. */
  readonly previousMessages: number
}

/**
 * The `<memory_metadata>` section. It carries the date, not the time of day, so it only changes when its
 * inputs do and the caller can keep the system prompt stable between steps (providers cache it).
 */
export const renderMemoryMetadata = ({ memoryLastModified, now, previousMessages }: MemoryMetadataInput): string =>
  [
    "<memory_metadata>",
    `- The current system date is: ${formatDay(now)}`,
    `- Memory blocks were last modified: ${memoryLastModified === undefined ? "unknown" : formatTimestamp(memoryLastModified)}`,
    `- ${previousMessages} previous ${previousMessages === 1 ? "message" : "messages"} between you and the user ${previousMessages === 1 ? "is" : "are"} stored in recall memory (use conversation_search to access them)`,
    "</memory_metadata>"
  ].join("\n")
