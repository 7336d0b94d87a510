/**
 * Who receives a repository's incidents: its owner, else the configured default owner (the
 * playbook requires someone accountable for every asset), else nobody, which callers must log.
 */
import type { Repository } from '../domain/repository.js';

export interface IncidentOwner {
  email: string | undefined;
  via: 'owner' | 'default-owner' | 'none';
}

export function resolveIncidentOwner(repository: Pick<Repository, 'owner'>, defaultOwner: string | undefined): IncidentOwner {
  if (repository.owner.email !== undefined) return { email: repository.owner.email, via: 'owner' };
  if (defaultOwner !== undefined) return { email: defaultOwner, via: 'default-owner' };
  return { email: undefined, via: 'none' };
}
