/**
 * The static type of a loaded configuration, derived from the option list so the list stays
 * the single source of truth.
 */
import type { OPTIONS, OptionSpec } from './options.js';

type ValueOf<O extends OptionSpec> = O extends { kind: 'integer' }
  ? number
  : O extends { kind: 'boolean' }
    ? boolean
    : O extends { kind: 'string-list' }
      ? string[]
      : O extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : O extends { kind: 'enum-map'; values: readonly (infer V)[] }
          ? Record<string, V>
          : O extends { kind: 'record-list'; fields: infer F }
            ? Array<{ [K in keyof F]: string }>
            : string;

type Leaf<O extends OptionSpec> = O extends { default: unknown } ? ValueOf<O> : ValueOf<O> | undefined;

type Nest<P extends string, V> = P extends `${infer Head}.${infer Rest}`
  ? { [K in Head]: Nest<Rest, V> }
  : { [K in P]: V };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

type Expand<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]: Expand<T[K]> } : T;

type Entry<O> = O extends OptionSpec ? Nest<O['path'], Leaf<O>> : never;

export type LeakwatchConfig = Expand<UnionToIntersection<Entry<(typeof OPTIONS)[number]>>>;

export type Classification = LeakwatchConfig['inventory']['defaultClassification'];
export type ResponsePolicy = LeakwatchConfig['response']['defaultPolicy'];
