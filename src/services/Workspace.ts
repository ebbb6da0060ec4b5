/** Where this run works: the project directory, the user's home and the server it talks to. */
import * as Context from "effect/Context"

export interface WorkspaceShape {
  /** The project directory (the process's working directory). */
  readonly projectDir: string
  readonly homeDir: string
}

export class Workspace extends Context.Tag("letta/Workspace")<Workspace, WorkspaceShape>() {}
