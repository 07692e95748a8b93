import { z } from "zod";
import { membershipRoleSchema } from "../enums/membership-role.ts";
import { idSchema } from "./common.ts";

/** An administrator accepts an access request with the role they choose, or refuses it. */
export const decideAccessRequestInputSchema = z.discriminatedUnion("decision", [
  z.object({ id: idSchema, decision: z.literal("accept"), role: membershipRoleSchema }),
  z.object({ id: idSchema, decision: z.literal("refuse") }),
]);
export type DecideAccessRequestInput = z.infer<typeof decideAccessRequestInputSchema>;
