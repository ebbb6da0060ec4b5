/**
 * Whether code the project provides (its `.mcp.json` servers, its settings' `hooks` and
 * `mcpServers`) may run: code the user did not write needs the user's trust first. User-level
 * hooks and servers always run and never go through this.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"

/** What the project defines, listed when the user is asked and when a headless run skips them. */
export interface ProjectCode {
  /** `mcp` servers from `.mcp.json` or the project settings; `hook` commands from its settings. */
  readonly kind: "mcp" | "hook"
  /** The server name, or the hook's event and command. */
  readonly name: string
  /** The file it comes from, for messages. */
  readonly source: string
}

export interface ProjectTrustShape {
  /**
   * True when the project's code may run: the project is trusted (stored per project path in
   * user settings), `--trust-project` was given, or the user says so now (interactive: asked
   * once, the answer stored). False otherwise; a headless run then says on stderr what it
   * skipped. `code` is everything the project defines (empty: true, nothing asked).
   */
  readonly allow: (code: ReadonlyArray<ProjectCode>) => Effect.Effect<boolean>
}

export class ProjectTrust extends Context.Tag("letta/ProjectTrust")<ProjectTrust, ProjectTrustShape>() {}
