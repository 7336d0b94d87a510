/**
 * What a fake AWS service handler gets from the one fake server (fake-aws.ts): the account, a
 * way to record the call (so tests count it), and the hold a test may have put on an action.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakeServiceContext {
  account: string;
  record(service: string, action: string, body: string): void;
  /** The promise to wait on before replying, when a test holds this call of `action`. */
  holdFor(action: string): Promise<void> | undefined;
}

/** Sends a reply now, or once a held call is released (its change already made, as AWS makes it). */
export function replyAfterHold(ctx: FakeServiceContext, action: string, res: ServerResponse, send: () => void): void {
  const held = ctx.holdFor(action);
  if (held === undefined) send();
  else void held.then(() => res.destroyed || send());
}

/** A fake service: answers the request and returns true, or returns false when it is not its own. */
export type FakeServiceHandler = (req: IncomingMessage, res: ServerResponse, body: string, ctx: FakeServiceContext) => boolean;
