/**
 * A request the background turns down for a reason the user should read (no account, SMS too long,
 * the provider's own error). The router answers it as `{ ok: false, reason, details }`; anything
 * else thrown is an internal error and is answered without its content.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';

  constructor(
    /** Message key in public/_locales. */
    readonly reason: string,
    /** Substitutions for the message. Never credentials. */
    readonly details: readonly string[] = [],
  ) {
    super(reason);
  }
}
