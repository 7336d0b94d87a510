/** Every inventory item (repository, code bucket, EC2 code store) has an owner to tell when it leaks. */
import { fail, pass } from '../outcome.js';
import type { CheckOutcome, PostureCheck } from '../types.js';

export const inventoryOwners: PostureCheck = {
  id: 'inventory-owners',
  title: 'Every inventory item has an owner',
  severity: 'medium',
  reference: 'playbook: preparation (inventory)',
  scope: 'global',
  remediation:
    "Name an owner: the `owner` tag on the CodeCommit repository or bucket, or `owner:` in the static inventory file; inventory.defaultOwner only catches what is missed.",
  async run(context) {
    const outcomes: CheckOutcome[] = [];
    for (const repository of await context.inventory()) {
      outcomes.push(repository.ownerMissing ? fail(repository.id, `Repository ${repository.name} has no owner.`) : pass(repository.id, `Repository ${repository.name} is owned by ${repository.owner.email ?? repository.owner.team}.`));
    }
    for (const store of await context.codeStores()) {
      if (store.location.kind === 's3') continue; // among the code buckets below
      outcomes.push(store.ownerMissing ? fail(store.id, `Code store ${store.name} has no owner.`) : pass(store.id, `Code store ${store.name} is owned by ${store.owner.email ?? store.owner.team}.`));
    }
    for (const bucket of await context.codeBuckets()) {
      const id = `s3:${bucket.name}`;
      outcomes.push(bucket.owner === undefined ? fail(id, `Code bucket ${bucket.name} has no owner.`) : pass(id, `Code bucket ${bucket.name} is owned by ${bucket.owner}.`));
    }
    return outcomes.length > 0 ? outcomes : [pass('*', 'The inventory is empty.')];
  },
};
