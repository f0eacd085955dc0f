/** What a route's path says about it. Paths use `:param` for parameters whatever the framework wrote. */

/** Leading segments that say nothing about what a route does: `/api/v1/...`. */
const NEUTRAL = /^(api|v\d+|public|rest|graphql|internal-api)$/i;
/** Segments of the sign-in and recovery flow: public by nature, and the targets of brute force. */
const AUTH_FLOW_WORDS = new Set([
  'auth', 'oauth', 'oauth2', 'identity', 'login', 'log-in', 'signin', 'sign-in', 'sign_in', 'signup', 'sign-up', 'sign_up', 'register', 'registration',
  'authenticate', 'token', 'refresh', 'refresh-token', 'forgot', 'forgot-password', 'forgot_password', 'reset', 'reset-password', 'password-reset',
  'reset_password', 'password', 'otp', 'verify-otp', 'verify', '2fa', 'mfa', 'totp', 'magic-link', 'magiclink', 'verify-code', 'session', 'sessions',
  'request', 'send', 'resend', 'code', 'email', 'phone', 'sms', 'users', 'user', 'accounts', 'account', 'local', 'credentials',
  'authentication', 'password_reset', 'invitation', 'invitations', 'invite', 'accept', 'setup',
]);
/** Words that must appear for a path to be an auth endpoint (the rest only qualify them). */
const AUTH_FLOW_CORE =
  /^(login|log-in|signin|sign-in|sign_in|signup|sign-up|sign_up|register|registration|authenticate|token|refresh|refresh-token|forgot|forgot-password|forgot_password|reset|reset-password|password-reset|password_reset|reset_password|otp|verify-otp|2fa|mfa|totp|magic-link|magiclink|verify-code|sessions?|credentials)$/i;
const OAUTH_PROVIDERS = /^(google|github|gitlab|facebook|apple|microsoft|azure|twitter|x|linkedin|discord|slack|okta|auth0|saml|oidc|sso)$/i;
/** `acs`: a SAML assertion consumer service, where the identity provider posts the signed sign-in. */
const LOGOUT_OR_OAUTH = /^(logout|log-out|signout|sign-out|callback|callbacks|verify-email|confirm-email|confirm|authorize|verify|resend|acs)$/i;
/** What the sign-in page asks before anyone is signed in: `/login-methods`, `/auth-providers`. */
const SIGN_IN_OPTIONS = /^(login|signin|sign-in|auth|sso)[-_](methods?|providers?|options|types?)$/i;
/** A first-run setup that creates the first owner: nobody exists yet to sign in (it must refuse once done). */
const FIRST_RUN = /^(bootstrap|needs-bootstrap)$/i;
const HEALTH = /^(health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping|status|version|metrics|heartbeat)$/i;
const PUBLIC_FORMS = /^(contact|contact-us|newsletter|subscribe|unsubscribe|feedback|waitlist|csp-report|csp-violation)$/i;
const SENSITIVE =
  /^(admin|admins|administrator|account|accounts|me|my|profile|profiles|orders?|payments?|payouts?|billing|invoices?|subscriptions?|settings|api-?keys?|apikeys?|keys|tokens|secrets?|credentials|users?|customers?|members?|transactions?|wallets?|balances?|audit|audit-logs?|internal|private|dashboard|employees?|patients?|refunds?)$/i;

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The static segments after the neutral prefix (`/api/v1`), parameters dropped. */
function meaningful(path: string): string[] {
  const segs = segments(path).filter((s) => !s.startsWith(':') && s !== '*' && s !== '**');
  let i = 0;
  while (i < segs.length && NEUTRAL.test(segs[i])) i++;
  return segs.slice(i).map((s) => s.replace(/\.\w+$/, ''));
}

/** Every meaningful segment belongs to `allowed`, and at least one is a `core` word. */
function made(path: string, allowed: (s: string) => boolean, core: (s: string) => boolean): boolean {
  const segs = meaningful(path);
  return segs.length > 0 && segs.every(allowed) && segs.some(core);
}

/** `/healthz`, `/api/ready`, `/payments/healthz`: probes a load balancer calls. Only GETs are probes (`PUT /me/status` is not). */
export function isHealthPath(path: string): boolean {
  const segs = meaningful(path);
  return !path.includes(':') && segs.length > 0 && HEALTH.test(segs[segs.length - 1]);
}

/** Sign-in, sign-up, password recovery, OTP: `/auth/login`, `/api/v1/token`, `/password/reset`, `/users/sign_in`. */
export function isAuthEndpoint(path: string): boolean {
  return made(path, (s) => AUTH_FLOW_WORDS.has(s.toLowerCase()) || AUTH_FLOW_CORE.test(s), (s) => AUTH_FLOW_CORE.test(s));
}

/** An incoming webhook: `/webhooks/stripe`, `/api/stripe/webhook`, not a user's webhook settings (`/settings/webhooks`). */
export function isWebhookPath(path: string): boolean {
  const segs = meaningful(path);
  const at = segs.findIndex((s) => /^(webhooks?|hooks?)$/i.test(s) || /webhook$/i.test(s));
  return at >= 0 && segs.slice(0, at).every((s) => !SENSITIVE.test(s) && !/^(settings|projects?|integrations?|config)$/i.test(s));
}

/** Routes that are public by their nature: the auth flow itself, OAuth, public forms. (Health probes: see isHealthPath.) */
export function isPublicByNature(path: string): boolean {
  if (isAuthEndpoint(path)) return true;
  const authish = (s: string) => AUTH_FLOW_WORDS.has(s.toLowerCase()) || AUTH_FLOW_CORE.test(s) || OAUTH_PROVIDERS.test(s) || LOGOUT_OR_OAUTH.test(s);
  // `/authentication/setup`, `/authentication/invitation`: the sign-in flow's namespace, public but not all brute-forceable
  if (made(path, authish, (s) => LOGOUT_OR_OAUTH.test(s) || OAUTH_PROVIDERS.test(s) || /^authentication$/i.test(s))) return true;
  if (made(path, (s) => PUBLIC_FORMS.test(s), (s) => PUBLIC_FORMS.test(s))) return true;
  const segs = meaningful(path);
  const last = segs[segs.length - 1];
  // `/account/login-methods`, `/account/needs-bootstrap`: under an account router, but asked before anyone signs in
  return !!last && (SIGN_IN_OPTIONS.test(last) || FIRST_RUN.test(last)) && segs.slice(0, -1).every((s) => AUTH_FLOW_WORDS.has(s.toLowerCase()) || /^(admin|server|instance)$/i.test(s));
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
    /(^|\/)(migrations?|migrate|migration-(scripts|utils|helpers)|seeds?|seeders?|scripts?|__tests__|__mocks__|e2e)\//i.test(f) ||
    // test/ and tests/ folders, but not sample apps kept under test/fixtures/ to be analysed
    (/(^|\/)tests?\//i.test(f) && !/(^|\/)fixtures\//i.test(f)) ||
    /\.(test|spec|e2e-spec|seed|migration)\.[cm]?[jt]sx?$/i.test(f) ||
    /(^|\/)(seed|seeds)\.[cm]?[jt]s$/i.test(f) ||
    // the test runner's setup: test-setup.js, jest.setup.ts, setupTests.ts, global-setup.ts
    /(^|\/)(test-?setup|setup-?tests?|(jest|vitest)\.setup|global-?(setup|teardown))\.[cm]?[jt]s$/i.test(f)
  );
}
