// Authentication method types as the collector names them (`#microsoft.graph.fido2AuthenticationMethod`
// → `fido2`). A password or an email address alone is not a second factor.

/** Methods that count as a second factor. */
export const MFA_METHODS: ReadonlySet<string> = new Set([
  'microsoftauthenticator',
  'phone',
  'fido2',
  'softwareoath',
  'hardwareoath',
  'windowshelloforbusiness',
  'x509certificate',
  'platformcredential',
  'passwordlessmicrosoftauthenticator',
  'externalauthentication',
]);

/** Methods a phishing site cannot relay: bound to the device and the real sign-in page. */
export const PHISHING_RESISTANT_METHODS: ReadonlySet<string> = new Set(['fido2', 'windowshelloforbusiness', 'x509certificate', 'platformcredential']);

/** Methods self-service password reset can send a code to or use. */
export const RESET_METHODS: ReadonlySet<string> = new Set(['email', 'phone', 'microsoftauthenticator', 'softwareoath', 'hardwareoath']);

export const hasAny = (methods: readonly { type: string }[], set: ReadonlySet<string>): boolean => methods.some((m) => set.has(m.type.toLowerCase()));

export function describeMethods(methods: readonly { type: string; detail?: string }[]): string {
  const shown = methods.filter((m) => m.type.toLowerCase() !== 'password').map((m) => (m.detail ? `${m.type} (${m.detail})` : m.type));
  return shown.length > 0 ? shown.join(', ') : '-';
}
