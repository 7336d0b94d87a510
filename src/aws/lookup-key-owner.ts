/**
 * GetAccessKeyLastUsed as the daemon: the IAM user owning a key and where it was last used.
 * Forensics reuses it for the "was the leaked key used" question.
 */
import { GetAccessKeyLastUsedCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { z } from 'zod';

const responseSchema = z.object({
  UserName: z.string().optional(),
  AccessKeyLastUsed: z
    .object({
      LastUsedDate: z.date().optional(),
      ServiceName: z.string().optional(),
      Region: z.string().optional(),
    })
    .optional(),
});

export interface KeyLastUse {
  date: Date;
  service: string;
  region: string;
}

export interface KeyOwner {
  userName: string | undefined;
  /** undefined when the key was never used (AWS reports service/region `N/A`). */
  lastUsed: KeyLastUse | undefined;
}

export async function lookupKeyOwner(iam: IAMClient, accessKeyId: string): Promise<KeyOwner> {
  const res = responseSchema.parse(await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId })));
  const used = res.AccessKeyLastUsed;
  const lastUsed =
    used?.LastUsedDate !== undefined
      ? { date: used.LastUsedDate, service: used.ServiceName ?? 'N/A', region: used.Region ?? 'N/A' }
      : undefined;
  return { userName: res.UserName, lastUsed };
}

export function describeLastUse(lastUsed: KeyLastUse | undefined): string {
  if (lastUsed === undefined) return 'never used';
  return `last used ${lastUsed.date.toISOString()} (service ${lastUsed.service}, region ${lastUsed.region})`;
}
