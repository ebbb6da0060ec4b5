/**
 * The resume picker (`--resume` on a terminal, `/resume`): this project's recent agents — those
 * tagged `project:<dir>` at creation, and older ones named after the project — each with its
 * first prompt (in its recent history) and how long ago it was last used.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ApiError } from "../../domain/errors.js"
import { type AgentInfo, contentText, type LettaMessage } from "../../domain/letta.js"
import { AGENT_TAG } from "../../domain/memory.js"
import { LettaApi } from "../../services/LettaApi.js"
import { agentName, projectTag } from "../session.js"
import type { SelectOption, UiStore } from "./store.js"

/** How many agents the picker lists, and how much of each one's history it reads. */
const PICKER_AGENTS = 20
const HISTORY_READ = 100
const PROMPT_CHARS = 60

export interface RecentAgent {
  readonly id: string
  readonly name: string | undefined
  /** The first thing the user said in the agent's recent history; undefined: nothing yet. */
  readonly firstPrompt: string | undefined
  /** When it was last used (its newest message), else created; ms since the epoch. */
  readonly lastUsed: number | undefined
}

const time = (iso: string | null | undefined): number | undefined => {
  if (iso === null || iso === undefined) return undefined
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? undefined : ms
}

/** What the user typed, without the reminders letta adds to it; undefined for heartbeats and alerts. */
const userText = (message: LettaMessage): string | undefined => {
  if (message.message_type !== "user_message") return undefined
  const text = contentText(message.content).replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, "").trim()
  if (text.length === 0 || text.startsWith("{")) return undefined
  return text
}

/** One agent's picker entry, from its recent history. */
export const recentAgent = (agent: AgentInfo, history: ReadonlyArray<LettaMessage>): RecentAgent => {
  const first = history.map(userText).find((text) => text !== undefined)
  const dates = history.map((message) => time(message.date)).filter((ms): ms is number => ms !== undefined)
  const lastUsed = dates.length > 0 ? Math.max(...dates) : time(agent.created_at)
  return { id: agent.id, name: agent.name ?? undefined, firstPrompt: first, lastUsed }
}

/** This project's agents, most recently used first. */
export const recentProjectAgents = (projectDir: string): Effect.Effect<ReadonlyArray<RecentAgent>, ApiError, LettaApi> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const [tagged, named] = yield* Effect.all(
      [
        api.listAgents({ tags: [AGENT_TAG, projectTag(projectDir)], limit: PICKER_AGENTS }),
        // Agents made before the project tag: the name letta gives them.
        api.listAgents({ tags: [AGENT_TAG], limit: 100 })
      ],
      { concurrency: "unbounded" }
    )
    const name = agentName(projectDir)
    const untagged = named.filter((agent) => agent.name === name && !(agent.tags ?? []).some((tag) => tag.startsWith("project:")))
    const seen = new Set<string>()
    const agents = [...tagged, ...untagged].filter((agent) => (seen.has(agent.id) ? false : (seen.add(agent.id), true))).slice(0, PICKER_AGENTS)
    const entries = yield* Effect.forEach(
      agents,
      (agent) => Effect.map(api.listMessages(agent.id, HISTORY_READ).pipe(Effect.orElseSucceed(() => [])), (history) => recentAgent(agent, history)),
      { concurrency: 4 }
    )
    return [...entries].sort((a, b) => (b.lastUsed ?? 0) - (a.lastUsed ?? 0))
  })

/** `just now`, `5m ago`, `3h ago`, `2d ago`. */
export const formatAge = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return "just now"
  if (minutes < 60) return `${minutes}m ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours}h ago`
  return `${Math.floor(hours / 24)}d ago`
}

/** The picker's rows: the first prompt (cut to one line), then the age and the id. */
export const pickerOptions = (agents: ReadonlyArray<RecentAgent>, now: number): ReadonlyArray<SelectOption> =>
  agents.map((agent) => {
    const prompt = agent.firstPrompt?.replace(/\s+/g, " ")
    const label = prompt === undefined ? "(no messages yet)" : prompt.length > PROMPT_CHARS ? `${prompt.slice(0, PROMPT_CHARS - 1)}…` : prompt
    const age = agent.lastUsed === undefined ? undefined : formatAge(Math.max(0, now - agent.lastUsed))
    const hint = [age, agent.id].filter((part) => part !== undefined).join(" · ")
    return { value: agent.id, label, hint }
  })

/**
 * Puts this project's agents to the user; the id chosen, or None when there is none to pick
 * (a notice says so) or the user pressed Esc.
 */
export const pickAgent = (
  ui: UiStore,
  projectDir: string,
  currentId: string | undefined
): Effect.Effect<Option.Option<string>, ApiError, LettaApi> =>
  Effect.gen(function* () {
    const agents = yield* recentProjectAgents(projectDir)
    if (agents.length === 0) {
      ui.addNotice("No agent of this project to resume yet.", "dim")
      return Option.none()
    }
    return yield* ui.choose("Resume an agent of this project", pickerOptions(agents, Date.now()), currentId)
  })
