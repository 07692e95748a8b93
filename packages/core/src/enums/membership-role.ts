import { z } from "zod";
import type { Label } from "./label.ts";

/** A user's role in a territory; ordered from least to most rights. */
export const MEMBERSHIP_ROLES = ["viewer", "editor", "admin"] as const;
export const membershipRoleSchema = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof membershipRoleSchema>;
export const membershipRoleLabels: Record<MembershipRole, Label> = {
  viewer: { fr: "Lecteur", en: "Viewer" },
  editor: { fr: "Éditeur", en: "Editor" },
  admin: { fr: "Administrateur", en: "Administrator" },
};

export function roleAtLeast(role: MembershipRole, needed: MembershipRole): boolean {
  return MEMBERSHIP_ROLES.indexOf(role) >= MEMBERSHIP_ROLES.indexOf(needed);
}

export const NEIGHBOUR_KINDS = ["contiguous", "functional"] as const;
export const neighbourKindSchema = z.enum(NEIGHBOUR_KINDS);
export type NeighbourKind = z.infer<typeof neighbourKindSchema>;
export const neighbourKindLabels: Record<NeighbourKind, Label> = {
  contiguous: { fr: "Limitrophe", en: "Contiguous" },
  functional: { fr: "Lien fonctionnel", en: "Functional link" },
};
