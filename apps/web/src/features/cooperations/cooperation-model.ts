import { canAdministerCooperation, canEditCooperation, type EngineeringKind, type StoredMember } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../lib/trpc.ts";
import { useActor } from "../projects/project-model.ts";

export type CooperationDetail = inferOutput<typeof trpc.cooperation.get>;

function storedMembers(cooperation: CooperationDetail): StoredMember[] {
  return cooperation.members.map((m) => ({ territoryId: m.territory.id, leftOn: m.leftOn }));
}

/** What the signed-in user may do here, from the rules of @trame/core (the server decides; this hides buttons). */
export function useCooperationRights(cooperation: CooperationDetail): { canEdit: boolean; canAdminister: boolean } {
  const actor = useActor();
  if (!actor || cooperation.archived) return { canEdit: false, canAdminister: false };
  const members = storedMembers(cooperation);
  return { canEdit: canEditCooperation(actor, members), canAdminister: canAdministerCooperation(actor, members) };
}

/** A conflict's `current` is the stored cooperation as the server read it; checked before the form trusts it. */
export function asStoredCooperation(current: unknown, id: string): CooperationDetail | null {
  if (typeof current !== "object" || current === null) return null;
  const candidate = current as Partial<CooperationDetail>;
  return candidate.id === id && typeof candidate.version === "number" ? (current as CooperationDetail) : null;
}

/** The shared narrative and the engineering, as the edit form holds them. */
export interface CooperationEditValues {
  narrativeText: string;
  narrativeAdoptedOn: string;
  engineeringKind: EngineeringKind;
  /** "" for none. */
  engineeringProviderId: string;
  engineeringFte: number | null;
}

export const EMPTY_COOPERATION_VALUES: CooperationEditValues = {
  narrativeText: "",
  narrativeAdoptedOn: "",
  engineeringKind: "none",
  engineeringProviderId: "",
  engineeringFte: null,
};

export const COOPERATION_FIELD_IDS = {
  narrativeText: "cooperation-narrative",
  narrativeAdoptedOn: "cooperation-narrative-adopted-on",
  engineeringKind: "cooperation-engineering-kind",
  engineeringProviderId: "cooperation-engineering-provider",
  engineeringFte: "cooperation-engineering-fte",
} as const;

export function cooperationValues(cooperation: CooperationDetail): CooperationEditValues {
  return {
    narrativeText: cooperation.narrative.text,
    narrativeAdoptedOn: cooperation.narrative.adoptedOn ?? "",
    engineeringKind: cooperation.engineering.kind,
    engineeringProviderId: cooperation.engineering.provider?.id ?? "",
    engineeringFte: cooperation.engineering.fte,
  };
}

/** Only the changed fields, in the API's terms (empty becomes null). */
export function cooperationPatch(changed: Partial<CooperationEditValues>) {
  return {
    ...(changed.narrativeText !== undefined && { narrativeText: changed.narrativeText }),
    ...(changed.narrativeAdoptedOn !== undefined && { narrativeAdoptedOn: changed.narrativeAdoptedOn || null }),
    ...(changed.engineeringKind !== undefined && { engineeringKind: changed.engineeringKind }),
    ...(changed.engineeringProviderId !== undefined && {
      engineeringProviderId: changed.engineeringProviderId || null,
    }),
    ...("engineeringFte" in changed && { engineeringFte: changed.engineeringFte ?? null }),
  };
}
