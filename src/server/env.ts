import type { SecureHeadersVariables } from 'hono/secure-headers';
import type { DashboardData } from './data.js';

/** What every route sees: the data source and the response's CSP nonce. */
export interface DashboardEnv {
  Variables: SecureHeadersVariables & { data: DashboardData };
}

/** The nonce secureHeaders set for this response (it sets one whenever the CSP names NONCE). */
export function nonceOf(c: { get(key: 'secureHeadersNonce'): string | undefined }): string {
  const nonce = c.get('secureHeadersNonce');
  if (nonce === undefined) throw new Error('no CSP nonce: the headers middleware must run first');
  return nonce;
}
