/** The client tools loaded for this run: their specs for `client_tools`, and their execution. */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import type { ClientToolSpec } from "../domain/letta.js"
import type { ToolOutput } from "../domain/tools.js"

export type DecodedArgs =
  | { readonly _tag: "Valid"; readonly args: Readonly<Record<string, unknown>> }
  | { readonly _tag: "Invalid"; readonly output: ToolOutput }

export interface ToolsShape {
  /** The loaded tools, in the order they are offered. */
  readonly specs: ReadonlyArray<ClientToolSpec>
  /** Parses and validates a call's JSON arguments against the tool's Schema. */
  readonly decode: (toolName: string, rawArguments: string) => DecodedArgs
  /** Whether the tool only reads (such calls may run concurrently). */
  readonly isReadOnly: (toolName: string) => boolean
  /**
   * Where a call's file argument really is now (symlinks followed), taken when the call is
   * judged and set as JudgedPathsRef around its execution; undefined for tools without one.
   */
  readonly locate: (toolName: string, args: Readonly<Record<string, unknown>>) => Effect.Effect<JudgedPaths | undefined>
  /** Runs a call with already-decoded arguments. Never fails: errors become error outputs. */
  readonly execute: (toolName: string, args: Readonly<Record<string, unknown>>) => Effect.Effect<ToolOutput>
  /**
   * Present while some tools are still being set up (the TUI's MCP servers connect in the
   * background so the screen need not wait): a turn awaits it before its first request.
   */
  readonly ready?: Effect.Effect<void>
}

export class Tools extends Context.Tag("letta/Tools")<Tools, ToolsShape>() {}

/**
 * Where a running tool reports its output as it arrives (Bash), for the live display of the
 * interactive mode. Set around one call's execution; undefined: nobody listens.
 */
export const ToolOutputSink: FiberRef.FiberRef<((text: string) => void) | undefined> = FiberRef.unsafeMake<
  ((text: string) => void) | undefined
>(undefined)

/** A file call's paths as judged: the absolute path the tool opens → its real path then. */
export type JudgedPaths = ReadonlyMap<string, string>

/**
 * The paths of the running call as they were when it was judged (set around one execution):
 * a file tool refuses a path whose real location changed since, e.g. a symlink made or swapped
 * after the decision. Undefined: nobody judged this call (tests, internal use).
 */
export const JudgedPathsRef: FiberRef.FiberRef<JudgedPaths | undefined> = FiberRef.unsafeMake<JudgedPaths | undefined>(undefined)
