// The company a lead belongs to, as a domain: the one given (a website, a URL) or its business
// email's. A free-mail domain names no company (two gmail.com leads are not colleagues), so it is
// never a lead's domain and matches nothing.

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'mail.com',
  'yandex.ru',
]);

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.has(domain);
}

/** The company domain of a lead: given, or from a business email; null for free mail or nothing. */
export function companyDomain(email: string | null, domain: string | null | undefined): string | null {
  const given = domain
    ?.trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
  const fromEmail = email?.split('@')[1]?.trim().toLowerCase() || null;
  for (const d of [given, fromEmail]) if (d && !isFreeMail(d)) return d;
  return null;
}
