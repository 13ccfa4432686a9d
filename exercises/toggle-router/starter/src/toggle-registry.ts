export type ToggleCategory = 'release' | 'experiment' | 'ops' | 'permissioning';

export interface ToggleDefinition {
  name: string;
  category: ToggleCategory;
  owner: string;
  /** ISO date (YYYY-MM-DD): the day after which the toggle must be gone, or deliberately extended. */
  expires: string;
}

/**
 * Every toggle is declared through defineToggle, in the `toggles.ts` file of the module that owns it,
 * so one lint rule can read every toggle's expiry date from the source.
 */
export function defineToggle(definition: ToggleDefinition): ToggleDefinition {
  return definition;
}
