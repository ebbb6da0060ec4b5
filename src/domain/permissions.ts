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
