/**
 * The inventory source registry: one entry per folder under sources/. A test checks that the
 * map and the folders agree, so a new source cannot be added and forgotten.
 */
import type { InventorySource } from '../types.js';
import { awsTagsSource } from './aws-tags/index.js';
import { codecommitSource } from './codecommit/index.js';
import { staticFileSource } from './static-file/index.js';

export const inventorySources: ReadonlyMap<string, InventorySource> = new Map([
  [codecommitSource.id, codecommitSource],
  [awsTagsSource.id, awsTagsSource],
  [staticFileSource.id, staticFileSource],
]);
