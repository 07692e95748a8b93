/**
 * How long a session lasts: ended after `idleSeconds` without any request, and after `maxSeconds`
 * whatever the activity (ANSSI recommends both for authenticated sessions). Configured by
 * TRAME_SESSION_IDLE_MINUTES and TRAME_SESSION_MAX_HOURS (env.ts), these are the defaults.
 */
export interface SessionPolicy {
  idleSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleSeconds: 30 * 60, maxSeconds: 12 * 3600 };
