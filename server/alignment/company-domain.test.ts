import { describe, expect, it } from 'vitest';
import { companyDomain } from './company-domain.js';

describe('companyDomain', () => {
  it('takes the given website over the email, without scheme, www, path or port', () => {
    expect(companyDomain('dana@acme.example', 'https://www.Acme-Soft.example/contact?x=1')).toBe('acme-soft.example');
    expect(companyDomain(null, 'acme.example:8080')).toBe('acme.example');
  });

  it('falls back to a business email’s domain', () => {
    expect(companyDomain('Dana@Acme.Example', null)).toBe('acme.example');
    expect(companyDomain('dana@acme.example', '  ')).toBe('acme.example');
  });

  it('never names a free-mail domain, given or from the email', () => {
    expect(companyDomain('dana@gmail.com', undefined)).toBeNull();
    expect(companyDomain('dana@acme.example', 'gmail.com')).toBe('acme.example');
    expect(companyDomain(null, 'www.hotmail.com')).toBeNull();
    expect(companyDomain(null, null)).toBeNull();
  });
});
