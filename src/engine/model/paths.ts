/** What a route's path says about it. Paths use `:param` for parameters whatever the framework wrote. */

const HEALTH = /^(health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping|status|version|metrics|heartbeat)$/i;
const PUBLIC_FORMS = /^(contact|contact-us|newsletter|subscribe|unsubscribe|feedback|waitlist|csp-report|csp-violation)$/i;
/** Steps of signing in or recovering an account: public by nature, and the targets of brute force. */
const AUTH_FLOW =
  /(^|\/)(login|log-in|signin|sign-in|sign_in|signup|sign-up|sign_up|register|registration|authenticate|token|tokens|refresh|refresh-token|forgot|forgot-password|forgot_password|reset-password|password-reset|reset_password|otp|verify-otp|2fa|mfa|totp|magic-link|magiclink|verify-code|sessions?)(\/|$)|(^|\/)password\/(reset|forgot)(\/|$)/i;
const LOGOUT_OR_OAUTH = /(^|\/)(logout|log-out|signout|sign-out|oauth|callback|callbacks|verify-email|confirm-email|email\/verify|email\/confirm|confirm)(\/|$)/i;
const SENSITIVE =
  /^(admin|admins|administrator|account|accounts|me|my|profile|profiles|orders?|payments?|payouts?|billing|invoices?|subscriptions?|settings|api-?keys?|apikeys?|keys|tokens|secrets?|credentials|users?|customers?|members?|transactions?|wallets?|balances?|audit|audit-logs?|internal|private|dashboard|employees?|patients?|refunds?)$/i;
const WEBHOOK = /(^|\/)(webhooks?|hooks?)(\/|$)|webhook/i;

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The last segment that is not a parameter. */
function lastStatic(path: string): string | undefined {
  const segs = segments(path).filter((s) => !s.startsWith(':') && s !== '*');
  return segs[segs.length - 1];
}

export function isHealthPath(path: string): boolean {
  const last = lastStatic(path);
  return !!last && HEALTH.test(last) && !path.includes(':');
}

/** Sign-in, sign-up, password recovery, OTP: the endpoints a rate limiter must guard. */
export function isAuthEndpoint(path: string): boolean {
  return AUTH_FLOW.test(path);
}

export function isWebhookPath(path: string): boolean {
  return WEBHOOK.test(path);
}

/** Routes that are public by their nature: the auth flow itself, health checks, public forms. */
export function isPublicByNature(path: string): boolean {
  const last = lastStatic(path);
  return isAuthEndpoint(path) || LOGOUT_OR_OAUTH.test(path) || isHealthPath(path) || (!!last && PUBLIC_FORMS.test(last));
}

/** Admin, account, orders, payments, a user by id…: data a stranger must not read. */
export function isSensitivePath(path: string): boolean {
  return segments(path).some((s) => SENSITIVE.test(s.replace(/\.\w+$/, '')));
}

/** Joins a mount prefix and a route path: `/api` + `/users/:id` → `/api/users/:id`. */
export function joinPath(prefix: string | undefined, path: string | undefined): string | undefined {
  if (path === undefined) return prefix;
  if (!prefix) return path;
  return (prefix.replace(/\/\*?$/, '') + '/' + path.replace(/^\//, '')).replace(/\/+$/, '') || '/';
}

/** Whether middleware `use`d with `prefix` runs for `path` (Express prefixes, Hono `/*` wildcards). */
export function prefixCovers(prefix: string | undefined, path: string | undefined): boolean {
  if (!prefix || prefix === '/' || prefix === '*' || prefix === '/*') return true;
  if (path === undefined) return false;
  const p = prefix.replace(/\/?\*$/, '').replace(/\/$/, '');
  return path === p || path.startsWith(p + '/');
}

/** Normalises framework path syntax: Next's `[id]` and `{id}` become `:id`. */
export function normalisePath(path: string): string {
  return path.replace(/\[\.\.\.(\w+)\]/g, ':$1*').replace(/\[\[?\.{0,3}(\w+)\]?\]/g, ':$1').replace(/\{(\w+)\}/g, ':$1');
}

/** Migrations, seeds, one-off scripts and tests read whole tables on purpose. */
export function isScriptOrTestFile(fileName: string): boolean {
  const f = fileName.replace(/\\/g, '/');
  return (
    /(^|\/)(migrations?|migrate|seeds?|seeders?|scripts?|__tests__|__mocks__|e2e)\//i.test(f) ||
    /\.(test|spec|e2e-spec|seed|migration)\.[cm]?[jt]sx?$/i.test(f) ||
    /(^|\/)(seed|seeds)\.[cm]?[jt]s$/i.test(f)
  );
}
