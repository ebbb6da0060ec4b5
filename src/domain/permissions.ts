/** Permission decisions: every one says what decided it. */

export type PermissionDecision =
  | { readonly _tag: "Allow"; readonly decidedBy: string }
  | { readonly _tag: "Deny"; readonly decidedBy: string; readonly reason: string; readonly possibleDeny?: PossibleDeny }
  | { readonly _tag: "Ask"; readonly decidedBy: string; readonly possibleDeny?: PossibleDeny; readonly protectedFile?: ProtectedFile }

/**
 * A Bash line with a part the analysis cannot see through while a specific Bash deny rule exists:
 * the rule might match it. Asked about, or denied where nobody can be asked for the user (bypassPermissions).
 */
export interface PossibleDeny {
  /** The deny rule, named as in decisions: `Bash(rm:*) (project settings)`. */
  readonly rule: string
  /** What hides the command: `the program name ($CMD) is only known at run time`. */
  readonly construct: string
}

/** A write to a file that changes the rules (letta's settings, git hooks, shell start-up files). */
export interface ProtectedFile {
  /** As a rule would name it: `.letta/settings.json`, `~/.bashrc`, `/abs/path`. */
  readonly path: string
  /** What it is: `a git hook (git runs it)`. */
  readonly why: string
}

export interface PermissionQuery {
  readonly toolName: string
  /** The decoded arguments, or undefined when they did not decode. */
  readonly args: Readonly<Record<string, unknown>> | undefined
}

/** The user's (or the headless prompter's) answer to an `Ask`. */
export type PromptAnswer =
  | { readonly _tag: "Approve" }
  | { readonly _tag: "Reject"; readonly reason: string }

/** Why a directory-wide search (Grep, Glob, LS) leaves a file out. */
export interface HiddenBy {
  /** The rule, named as in decisions: `Read(.env) (project settings)`. */
  readonly rule: string
  /** deny: the file may not be read at all; ask: each read of it needs approval. */
  readonly effect: "deny" | "ask"
}

/** Tests an absolute path a directory-wide search found; undefined = it may be shown. */
export type SearchFilter = (absolutePath: string) => HiddenBy | undefined
