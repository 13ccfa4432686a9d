// Probe: a file two folders deep in feeds reads profile rows. Must be flagged.
import { createInMemoryProfileStore } from '../../../profiles/internal/profile-store';

export const probe = createInMemoryProfileStore;
