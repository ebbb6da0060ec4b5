/**
 * What the status line under the input shows besides the mode: the agent's model and how much
 * of its context window the last step used (`context_tokens` of the server's usage statistics;
 * the window from the model list). Kept apart from the UiStore, one per store, so the footer
 * can follow it with useSyncExternalStore.
 */
import type { TurnEvent } from "../../domain/events.js"
import type { UiStore } from "./store.js"

export interface StatusSnapshot {
  readonly model: string | undefined
  /** Tokens in the context at the last step; undefined until a reply reports it (or after /compact). */
  readonly contextTokens: number | undefined
  /** The model's context window, where known. */
  readonly contextWindow: number | undefined
}

export class SessionStatus {
  private snapshot: StatusSnapshot = { model: undefined, contextTokens: undefined, contextWindow: undefined }
  private readonly listeners = new Set<() => void>()

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): StatusSnapshot => this.snapshot

  update(change: Partial<StatusSnapshot>): void {
    const next = { ...this.snapshot, ...change }
    if (next.model === this.snapshot.model && next.contextTokens === this.snapshot.contextTokens && next.contextWindow === this.snapshot.contextWindow) return
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }

  /** A turn's usage statistics carry the context's size at its last step. */
  observe(event: TurnEvent): void {
    if (event._tag !== "ServerMessage" || event.chunk.message.message_type !== "usage_statistics") return
    const tokens = event.chunk.raw["context_tokens"]
    if (typeof tokens === "number" && tokens > 0) this.update({ contextTokens: tokens })
  }
}

const registry = new WeakMap<UiStore, SessionStatus>()

/** The status of the session drawn by this store (made on first use). */
export const sessionStatus = (ui: UiStore): SessionStatus => {
  let status = registry.get(ui)
  if (status === undefined) {
    status = new SessionStatus()
    registry.set(ui, status)
  }
  return status
}

/** `12k`, `1.2M`, or the exact number below a thousand. */
export const shortTokens = (tokens: number): string =>
  tokens >= 1_000_000 ? `${Number((tokens / 1_000_000).toFixed(1))}M` : tokens >= 1000 ? `${Math.round(tokens / 1000)}k` : String(tokens)

/** The context's use for the status line: `12k/200k context (6%)`, or what is known of it. */
export const contextUse = (status: StatusSnapshot): string | undefined => {
  const { contextTokens: tokens, contextWindow: window } = status
  if (tokens === undefined) return window === undefined ? undefined : `${shortTokens(window)} context`
  if (window === undefined || window <= 0) return `${shortTokens(tokens)} context`
  return `${shortTokens(tokens)}/${shortTokens(window)} context (${Math.min(100, Math.round((tokens / window) * 100))}%)`
}
