/** Permission decisions (PRODUCT.md §5.4): every one says what decided it. */

export type PermissionDecision =
  | { readonly _tag: "Allow"; readonly decidedBy: string }
  | { readonly _tag: "Deny"; readonly decidedBy: string; readonly reason: string }
  | { readonly _tag: "Ask"; readonly decidedBy: string }

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
