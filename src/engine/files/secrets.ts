/**
 * Names of settings that hold credentials (`DB_PASSWORD`, `STRIPE_SECRET_KEY`, `NPM_TOKEN`), shared by the
 * Dockerfile, Compose and later Kubernetes and CI rules. Names that only point at a secret (`*_FILE`,
 * `*_PATH`, `*_URL` of a token endpoint) or describe one (`*_LENGTH`, `*_ALGORITHM`, `*_TTL`) are not secrets.
 */
const SECRET_WORD = /(?:^|[_.-])(?:PASS(?:WORD|WD)?|SECRET|SECRETS|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CLIENT_?SECRET|AUTH_?KEY|CREDENTIALS?|SIGNING_?KEY|ENCRYPTION_?KEY|MASTER_?KEY)$/i;
const POINTER = /(?:_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT|_HOST|_NAME|_ID|_LENGTH|_ALGORITHM|_ALG|_TTL|_EXPIRY|_EXPIRES(?:_IN)?|_TYPE|_HEADER|_FIELD|_ENABLED|_REQUIRED)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_WORD.test(name) && !POINTER.test(name);
}

/** A connection string with a password in it: `postgres://app:s3cret@db:5432/app`. */
export function hasInlineCredentials(value: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^:/@\s]+):([^@\s]+)@/i.exec(value.trim());
  return !!m && !/^\$\{?\w/.test(m[2]);
}

/** Values that only stand in for a secret: empty, an interpolation (`${DB_PASSWORD}`), a Docker secret path. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return v === '' || /^\$\{?\w+/.test(v) || /^\/run\/secrets\//.test(v);
}
