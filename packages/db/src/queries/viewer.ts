/** Who reads: restricted projects (and everything attached to them) reach only their partners' members. */
export interface Viewer {
  isInstanceAdmin: boolean;
  /** Every territory the user belongs to, whatever the role: viewers read too. */
  territoryIds: readonly string[];
}
