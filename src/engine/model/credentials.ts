/**
 * Credentials written into code: which string values are real secrets (known token formats, PEM private keys,
 * connection strings with a password) and which only stand in for one (`'changeme'`, `'<your-api-key>'`,
 * `'YOUR_TOKEN_HERE'`, `'x-api-key'`); which call arguments are keys by position (`jwt.sign(payload, key)`,
 * `new Stripe(key)`); and the environment variable a secret should come from. Names are judged by sensitive-data.ts.
 */
import { words } from './ast';

export interface TokenFormat {
  /** What the value is, for the message: `an AWS access key id`. */
  what: string;
  /** The environment variable it usually lives in. */
  env: string;
}

const FORMATS: [RegExp, TokenFormat][] = [
  [/^(AKIA|ASIA)[A-Z0-9]{16}$/, { what: 'an AWS access key id', env: 'AWS_ACCESS_KEY_ID' }],
  [/^(sk|rk)_live_[0-9A-Za-z]{16,}$/, { what: 'a live Stripe secret key', env: 'STRIPE_SECRET_KEY' }],
  [/^whsec_[0-9A-Za-z]{24,}$/, { what: 'a Stripe webhook signing secret', env: 'STRIPE_WEBHOOK_SECRET' }],
  [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}$/, { what: 'a GitHub token', env: 'GITHUB_TOKEN' }],
  [/^github_pat_[A-Za-z0-9_]{50,}$/, { what: 'a GitHub token', env: 'GITHUB_TOKEN' }],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, { what: 'a Slack token', env: 'SLACK_TOKEN' }],
  [/^SG\.[\w-]{16,}\.[\w-]{30,}$/, { what: 'a SendGrid API key', env: 'SENDGRID_API_KEY' }],
  [/^sk-(proj-|ant-(api\d\d-)?)?[A-Za-z0-9_-]{32,}$/, { what: 'an OpenAI/Anthropic API key', env: 'OPENAI_API_KEY' }],
  [/^npm_[A-Za-z0-9]{36}$/, { what: 'an npm token', env: 'NPM_TOKEN' }],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, { what: 'a GitLab token', env: 'GITLAB_TOKEN' }],
];
const PEM = /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----\s*[A-Za-z0-9+/=]{16,}/;

/** A value whose shape alone says it is a live credential, whatever name holds it. */
export function tokenFormat(value: string): TokenFormat | undefined {
  const v = value.trim();
  if (/example|sample|dummy|fake|placeholder|xxxx|0000000000/i.test(v)) return undefined;
  if (PEM.test(v)) return { what: 'a PEM private key', env: 'PRIVATE_KEY' };
  for (const [re, format] of FORMATS) if (re.test(v)) return format;
  return undefined;
}

/** `postgres://app:s3cret@db:5432/app`: a URL with a password that is not an interpolation or a placeholder. */
export function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^:/@\s]*):([^@\s/]+)@/i.exec(value.trim());
  if (!m || /^\$\{?\w/.test(m[2]) || isPlaceholder(m[2])) return undefined;
  return m[2];
}

const PLACEHOLDER_WORDS = /^(change|changeme|change_?me|replace|replaceme|todo|tbd|fixme|placeholder|example|sample|dummy|fake|test|testing|demo|none|null|nil|undefined|redacted|hidden|masked|secret|password|passwd|pass|token|key|apikey|your|my|here|xxx+|foo|bar|baz|abc|abc123|123|1234|12345|123456|admin|root|postgres|mysql|guest|user|default|dev|local|localhost|development)$/i;

/**
 * A value that only stands in for a credential, so it grants nothing: empty, masks (`'****'`, `'xxxx'`),
 * interpolations (`'${API_KEY}'`), `<your-key>`, `YOUR_API_KEY`, `your-api-key-here`, `changeme`, the database
 * defaults of a local container (`postgres`, `root`), and values made only of such words.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^[*xX•.\-_#]+$/.test(v) || /^(.)\1+$/.test(v)) return true;
  if (/^\$\{?\w+\}?$/.test(v) || /^\{\{.*\}\}$/.test(v) || /^<[^>]+>$/.test(v) || /^%\w+%$/.test(v) || /^\[[^\]]+\]$/.test(v)) return true;
  if (/^(your|my|insert|enter|put|add|replace|set)[-_ ]/i.test(v) || /[-_ ](here|goes[-_ ]here)$/i.test(v)) return true;
  if (/example|placeholder|changeme|change[-_]me|replace[-_]?me|dummy|redacted/i.test(v)) return true;
  // Node-RED's public OAuth clients: `{ id: 'node-red-editor', secret: 'not_available' }`
  if (/^(not[-_ ]?(available|applicable|set|used|needed|required|provided|configured)|n\/a|unused|unset|empty|disabled)$/i.test(v)) return true;
  const w = words(v);
  return w.length > 0 && w.every((x) => PLACEHOLDER_WORDS.test(x));
}

/**
 * Values that are not secrets whatever they are assigned to: a header or field name (`'x-api-key'`,
 * `'access_token'`), an environment variable's name (`'JWT_SECRET'`), a sentence or label (`'Password'`,
 * `'Enter your password.'`), a URL without credentials, a file path, a format (`'hex'`), a bcrypt or hex hash.
 */
export function isNotASecretValue(value: string, name?: string): boolean {
  const v = value.trim();
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v)) return true; // an env var name
  if (/^x-[a-z0-9-]+$/i.test(v)) return true; // a header name
  if (/^(bearer|basic|token|apikey|api-key|hex|base64|base64url|utf-?8|ascii|binary|latin1)$/i.test(v)) return true;
  if (/^[a-z][a-z0-9]*([_-][a-z0-9]+)+$/.test(v) && words(v).some((w) => /^(token|password|secret|key|apikey|session|auth|access|refresh|id)$/.test(w))) return true; // 'access_token'
  if (/^[a-z]+[A-Z]\w*$/.test(v) && /(Token|Password|Secret|Key|Session)$/.test(v)) return true; // 'refreshToken' as a field name
  if (name && words(v).join('') === words(name).join('')) return true; // { password: 'Password' }
  if (/\s\S+\s/.test(v) || /[.!?:…]$/.test(v)) return true; // a sentence
  if (/^(https?|wss?):\/\//i.test(v) && !urlPassword(v)) return true;
  if (/^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v) || /\.(pem|key|crt|json|txt|p12|pfx)$/i.test(v)) return true; // a path to a key file
  if (isFieldReference(v)) return true;
  if (/^\$2[aby]?\$\d\d\$/.test(v) || /^\$argon2/.test(v)) return true; // a password hash
  if (/^\^|\$$|\\[dws]/.test(v)) return true; // a regex source
  return false;
}

/**
 * `'u.password'` (a column in a select map), `'hostSettings:mailEventsPayloadSigningKey'` (a config key's name):
 * a path of identifiers whose last part names a secret is where a secret lives, not the secret.
 */
export function isFieldReference(value: string): boolean {
  const parts = value.trim().split(/[.:]/);
  if (parts.length < 2 || !parts.every((p) => /^[A-Za-z_$][\w$]*$/.test(p))) return false;
  return words(parts[parts.length - 1]).some((w) => /^(password|passwd|pass|secret|token|key|apikey|hash|salt|credentials?)$/.test(w));
}

/** `jwtSecret` → `JWT_SECRET`, `stripe.apiKey` → `STRIPE_API_KEY`. */
export function envNameFor(...names: (string | undefined)[]): string {
  const parts: string[] = [];
  for (const n of names) {
    if (!n) continue;
    for (const w of words(n)) if (!/^(config|configuration|options|opts|settings|default|defaults|env|this|process|fallback|const|value)$/.test(w) && parts[parts.length - 1] !== w) parts.push(w);
  }
  return parts.length > 0 ? parts.join('_').toUpperCase() : 'SECRET';
}

/** Client constructors and setters whose argument at `index` is a credential, by the module they come from. */
export const CREDENTIAL_ARGS: { module: RegExp; callee: RegExp; index: number; env: string }[] = [
  { module: /^stripe$/, callee: /^Stripe$/i, index: 0, env: 'STRIPE_SECRET_KEY' },
  { module: /^twilio$/, callee: /^(twilio|Twilio)$/, index: 1, env: 'TWILIO_AUTH_TOKEN' },
  { module: /^@sendgrid\/mail$/, callee: /^setApiKey$/, index: 0, env: 'SENDGRID_API_KEY' },
  { module: /^@slack\/web-api$/, callee: /^WebClient$/, index: 0, env: 'SLACK_TOKEN' },
  { module: /^@octokit\//, callee: /^Octokit$/, index: 0, env: 'GITHUB_TOKEN' },
];
