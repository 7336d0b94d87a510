/**
 * Whether a commit e-mail is one of ours (`watch.emailDomains`): its domain is one of them or a
 * subdomain of one (`jane@eu.acme.example` is ours under `acme.example`), case-insensitively.
 */
export function isOurEmail(email: string | null | undefined, domains: readonly string[]): boolean {
  const at = email?.lastIndexOf('@') ?? -1;
  if (email === null || email === undefined || at < 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return domains.some((d) => {
    const ours = d.toLowerCase().replace(/^@/, '');
    return domain === ours || domain.endsWith(`.${ours}`);
  });
}

export function anyOurEmail(emails: Iterable<string | null | undefined>, domains: readonly string[]): boolean {
  if (domains.length === 0) return false;
  for (const email of emails) if (isOurEmail(email, domains)) return true;
  return false;
}
