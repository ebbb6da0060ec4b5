/**
 * A TLS failure named as one: "cannot reach the server" sends people looking for a server that
 * is running fine behind a certificate this machine does not trust.
 */

const CERTIFICATE_PROBLEMS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its certificate chain ends in a self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its certificate is signed by an authority this machine does not trust",
  UNABLE_TO_GET_ISSUER_CERT: "its certificate is signed by an authority this machine does not trust",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its certificate is signed by an authority this machine does not trust",
  CERT_UNTRUSTED: "its certificate is not trusted",
  CERT_HAS_EXPIRED: "its certificate has expired",
  CERT_NOT_YET_VALID: "its certificate is not valid yet",
  CERT_REVOKED: "its certificate was revoked",
  CERT_SIGNATURE_FAILURE: "its certificate's signature is invalid",
  ERR_TLS_CERT_ALTNAME_INVALID: "its certificate is for another host name"
}

export interface TlsProblem {
  readonly detail: string
  readonly hint: string
}

const codeOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined

/** The node error under the SDK's and fetch's wrappers (`cause` chains). */
const causes = (error: unknown): Array<unknown> => {
  const chain: Array<unknown> = []
  let current: unknown = error
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    chain.push(current)
    current = typeof current === "object" && "cause" in current ? current.cause : undefined
  }
  return chain
}

export const tlsProblem = (error: unknown): TlsProblem | undefined => {
  for (const cause of causes(error)) {
    const code = codeOf(cause)
    if (code === undefined) continue
    const problem = CERTIFICATE_PROBLEMS[code]
    if (problem !== undefined) {
      return {
        detail: `the TLS certificate could not be verified: ${problem} (${code})`,
        hint:
          "If the server uses a private or self-signed certificate, point NODE_EXTRA_CA_CERTS at the CA certificate (PEM) " +
          "that signed it, e.g. export NODE_EXTRA_CA_CERTS=/path/to/ca.pem"
      }
    }
    if (code.startsWith("ERR_SSL_") || code === "EPROTO") {
      const message = cause instanceof Error ? cause.message : code
      return {
        detail: `the TLS handshake failed (${code}${message.includes(code) ? "" : `: ${message}`})`,
        hint: "Check the scheme in LETTA_BASE_URL: a server without TLS takes http://, not https://."
      }
    }
  }
  return undefined
}
