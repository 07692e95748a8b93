import { z } from "zod";
import type { Label } from "./label.ts";

export const THEMES = [
  "water",
  "food",
  "mobility",
  "energy",
  "biodiversity",
  "climate_adaptation",
  "land_use",
  "housing",
  "economy",
  "waste",
  "health",
  "tourism",
  "culture",
  "social_cohesion",
  "digital",
  "other",
] as const;
export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

export const themeLabels: Record<Theme, Label> = {
  water: { fr: "Eau", en: "Water" },
  food: { fr: "Alimentation", en: "Food" },
  mobility: { fr: "Mobilité", en: "Mobility" },
  energy: { fr: "Énergie", en: "Energy" },
  biodiversity: { fr: "Biodiversité", en: "Biodiversity" },
  climate_adaptation: { fr: "Adaptation au changement climatique", en: "Climate adaptation" },
  land_use: { fr: "Foncier et aménagement", en: "Land use" },
  housing: { fr: "Habitat", en: "Housing" },
  economy: { fr: "Développement économique", en: "Economy" },
  waste: { fr: "Déchets", en: "Waste" },
  health: { fr: "Santé", en: "Health" },
  tourism: { fr: "Tourisme", en: "Tourism" },
  culture: { fr: "Culture", en: "Culture" },
  social_cohesion: { fr: "Cohésion sociale", en: "Social cohesion" },
  digital: { fr: "Numérique", en: "Digital" },
  other: { fr: "Autre", en: "Other" },
};
