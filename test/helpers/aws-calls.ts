/**
 * Helpers over aws-sdk-client-mock: the order of calls across several mocked clients (sinon
 * numbers every call globally), and AWS-shaped errors.
 */
import type { AwsStub } from 'aws-sdk-client-mock';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStub = AwsStub<any, any, any>;

/** `Command` names of every call made through the given mocks, in the order they happened. */
export function callSequence(...mocks: AnyStub[]): string[] {
  return mocks
    .flatMap((m) => m.calls())
    .sort((a, b) => (a.calledBefore(b) ? -1 : 1))
    .map((c) => (c.args[0] as object).constructor.name.replace(/Command$/, ''));
}

/** Every input sent through the mocks, serialised, to search for values that must not be sent. */
export function sentInputs(...mocks: AnyStub[]): string {
  return JSON.stringify(mocks.flatMap((m) => m.calls().map((c) => (c.args[0] as { input: unknown }).input)));
}

export function awsError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} (test)`), { name, $metadata: { httpStatusCode: 400 }, ...extra });
}
