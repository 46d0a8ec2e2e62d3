// Secrets never reach a log, an error message or a snapshot: anything that could carry one
// (msal's messages, a token endpoint's body) passes through here first.

const PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  // JWTs (access, id and assertion tokens) start with a base64url '{"'.
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  /\b(client_secret|client_assertion|refresh_token|access_token|device_code|password)=[^&\s"']+/gi,
  /"(client_secret|client_assertion|refresh_token|access_token|device_code|password)"\s*:\s*"[^"]*"/gi,
];

/** `text` with the given secrets and anything token-shaped replaced by [redacted]. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real secrets are long.
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  for (const pattern of PATTERNS) {
    // Group-less patterns get the match offset (a number) as their second argument.
    out = out.replace(pattern, (match: string, name: unknown) =>
      typeof name !== 'string' ? '[redacted]' : match.startsWith('"') ? `"${name}":"[redacted]"` : `${name}=[redacted]`,
    );
  }
  return out;
}
