/**
 * Names of values that are secrets in code: `password`, `refreshToken`, `apiKey`, `authorization`, `cardNumber`.
 * Names that only describe a secret (`passwordChangedAt`, `tokenCount`, `tokenType`, `passwordHash`, `hasPassword`)
 * are not the secret. Words are split from camelCase and snake_case, so `new_password` and `newPassword` agree.
 */
import { words } from './ast';

export type SecretKind = 'password' | 'token' | 'secret' | 'credential' | 'card' | 'header';

/** Single words that name a secret value. */
const SECRET_WORDS: Record<string, SecretKind> = {
  password: 'password',
  passwd: 'password',
  pwd: 'password',
  passphrase: 'password',
  otp: 'password',
  token: 'token',
  jwt: 'token',
  bearer: 'token',
  secret: 'secret',
  apikey: 'credential',
  cvv: 'card',
  cvc: 'card',
  ssn: 'card',
  authorization: 'header',
  cookie: 'header',
  cookies: 'header',
};

/** Word pairs that name a secret: `apiKey`, `privateKey`, `cardNumber`, `sessionId`. */
const SECRET_PAIRS: Record<string, SecretKind> = {
  'api key': 'credential',
  'private key': 'credential',
  'secret key': 'credential',
  'access key': 'credential',
  'signing key': 'credential',
  'encryption key': 'credential',
  'client secret': 'secret',
  'card number': 'card',
  'credit card': 'card',
  'security code': 'card',
};

/** Words before `token` that make it an opaque handle, not a credential: `pageToken`, `nextToken`, `cancellationToken`. */
const HANDLE = /^(page|next|prev|previous|continuation|cursor|pagination|sync|idempotency|cancellation|cancel|abort|request|trace|correlation|etag|lexer|parser|ast|syntax|design|color|colour|max|min|input|output|prompt|completion|total)$/;

/** Leading words of a boolean or a predicate about a secret: `hasPassword`, `isTokenValid`, `requiresPassword`. */
const PREDICATE = /^(has|is|should|can|needs|requires|require|validate|verify|check|compare|with|without|no|show|hide|toggle|hash|hashed|encrypted|encrypt|masked|mask|redact|redacted)$/;

/** The kind of secret a name holds (`password`, `accessToken`, `STRIPE_SECRET`, `x-api-key`), or undefined. */
export function secretKind(name: string): SecretKind | undefined {
  const w = words(name);
  if (w.length === 0) return undefined;
  if (PREDICATE.test(w[0]) && w.length > 1) return undefined;
  // x-api-key, X-Auth-Token headers keep their secret word last; `tokenCount` does not.
  for (let i = w.length - 1; i >= 0; i--) {
    const pair = i > 0 ? SECRET_PAIRS[`${w[i - 1]} ${w[i]}`] : undefined;
    const kind = pair ?? SECRET_WORDS[w[i]];
    if (!kind) continue;
    if (kind === 'token' && i > 0 && HANDLE.test(w[i - 1])) return undefined;
    const after = w.slice(i + 1);
    if (after.length === 0) return kind;
    // refreshTokenValue, passwordPlain, tokenString: still the secret
    if (after.length === 1 && /^(value|plain|plaintext|raw|string|str|text|input|confirm|confirmation|new|old|current)$/.test(after[0])) return kind;
    return undefined;
  }
  return undefined;
}

/** True when a name holds a secret. */
export function isSecretName(name: string): boolean {
  return secretKind(name) !== undefined;
}

