/** The Macie read of the posture checks: whether Macie is enabled in a region. */
import { GetMacieSessionCommand } from '@aws-sdk/client-macie2';
import type { Macie2Client } from '@aws-sdk/client-macie2';

/** The session status; undefined when Macie is not enabled (Macie answers that with access denied). */
export async function getMacieStatus(client: Macie2Client): Promise<string | undefined> {
  try {
    const out = await client.send(new GetMacieSessionCommand({}));
    return out.status;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'AccessDeniedException' && /not enabled/i.test(e.message)) return undefined;
    throw err;
  }
}
