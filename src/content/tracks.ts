import type { Track } from './schema/lesson.ts';

/** Display data for each track; the set of tracks itself is fixed by the lesson schema. */
export interface TrackInfo {
  id: Track;
  title: string;
  tagline: string;
  description: string;
}

export const tracks: readonly TrackInfo[] = [
  {
    id: 'code-quality',
    title: 'Code Quality',
    tagline: 'Gates that catch bugs, tests that catch mutants, reviews that change outcomes.',
    description:
      'Static analysis as a quality gate, tests designed around failures, code review focused on impact, and measuring whether any of it helped.',
  },
  {
    id: 'architecture-ownership',
    title: 'Architecture Ownership',
    tagline: 'Boundaries, trade-offs, and knowing what breaks before it breaks.',
    description:
      'Module boundaries around decisions likely to change, failure isolation, caching and events with numbers, and decisions written down so they can be checked.',
  },
  {
    id: 'capstone',
    title: 'Capstone',
    tagline: 'From an incident to a fix, a decision record and a review.',
    description:
      'One retry-storm incident, worked end to end with every skill from both tracks, each part graded by the same checks.',
  },
  {
    id: 'production-ownership',
    title: 'Owning Systems in Production',
    tagline: 'Dependencies you vet, designs you can argue with, debt you pay on purpose.',
    description:
      'What changes once your code runs for real users: judging dependency upgrades with calibrated confidence, design documents that get decisions made, and technical debt paid in the order its cost of delay says.',
  },
];

export function trackInfo(id: Track): TrackInfo {
  const info = tracks.find((t) => t.id === id);
  if (!info) throw new Error(`Unknown track "${id}"`);
  return info;
}
