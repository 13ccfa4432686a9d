// Probe: messaging reaches into profiles' storage. Must be flagged.
import { createInMemoryProfileStore } from '../../profiles/internal/profile-store';

export const probe = createInMemoryProfileStore;
