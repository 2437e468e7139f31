import type { Principal } from './principal';

/** How long a verified token is taken on trust before its signature is checked again. */
export const VERIFIED_TOKEN_TRUST_MS = 60_000;
/** At most this many tokens are remembered: beyond, the oldest verified is forgotten first. */
export const VERIFIED_TOKENS_MAX = 10_000;

interface Entry {
  readonly principal: Principal;
  /** Epoch milliseconds: the token's `exp`, or the end of its trust, whichever comes first. */
  readonly until: number;
}

/**
 * The tokens this process verified lately, with who they speak for: a client sends the same
 * token with every request for its lifetime, and checking its signature, issuer and audience
 * again each time (twice per request: the rate limit and the guard) cost more than the trivial
 * route itself.
 *
 * Keyed by the whole token, never by its signature alone: a valid signature pasted under another
 * payload must not match. Only tokens that passed every check are kept, so made-up tokens cannot
 * fill the map, and each only until its expiry, and for at most `VERIFIED_TOKEN_TRUST_MS`: a key
 * the identity provider withdraws stops being honoured within a minute (jose's own key set
 * cache keeps a withdrawn key up to ten minutes anyway).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Who the token speaks for, if it was verified and is still within its expiry and trust. */
  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.until > this.now()) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  /** Remembers a token that passed every check; `expiresAtSeconds` is its `exp` claim. */
  remember(token: string, principal: Principal, expiresAtSeconds: number): void {
    const now = this.now();
    const until = Math.min(expiresAtSeconds * 1000, now + VERIFIED_TOKEN_TRUST_MS);
    if (until <= now) return;
    if (this.entries.size >= VERIFIED_TOKENS_MAX && !this.entries.has(token)) {
      // A Map iterates in insertion order: the first key is the one verified longest ago.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { principal, until });
  }

  get size(): number {
    return this.entries.size;
  }
}
